/** Milliseconds in a day. */
export const DAY_MS = 86_400_000;

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/**
 * The wall-clock time Terra wrote (`2024-01-02T18:09:00.000000-05:00` -> 18:09 on 2024-01-02), as milliseconds
 * of a UTC date with that same reading. Charts lay out nights and days by the wearer's own clock this way,
 * whatever the machine's time zone. `undefined` when `text` is not a timestamp.
 */
export function wallClockMs(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?/.exec(text);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second, fraction] = match;
  return Date.UTC(
    Number(year),
    Number(month) - 1,
    Number(day),
    Number(hour),
    Number(minute),
    Number(second ?? 0),
    Number((fraction ?? '0').padEnd(3, '0')),
  );
}

/** Midnight of the wall-clock day `ms` falls in. */
export function dayOf(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

/** `Tue 01-02`: a short day label for chart rows. */
export function dayLabel(ms: number): string {
  const date = new Date(ms);
  return `${WEEKDAYS[date.getUTCDay()]} ${date.toISOString().slice(5, 10)}`;
}

/** `18:09`. */
export function clockLabel(ms: number): string {
  return new Date(ms).toISOString().slice(11, 16);
}

/** Seconds -> `7h 05m`. */
export function durationLabel(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  return `${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, '0')}m`;
}
