/** One window of a backfill: UTC days, `start` inclusive, `end` exclusive. */
export interface BackfillWindow {
  readonly start: string;
  readonly end: string;
}

const DAY_MS = 86_400_000;

/** `'YYYY-MM-DD'` of a `Date` or a `'YYYY-MM-DD'` string (UTC). */
export function toDay(value: Date | string, name: string): string {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const date = value instanceof Date ? value : new Date(Number.NaN);
  if (Number.isNaN(date.getTime())) {
    throw new RangeError(`${name} must be a Date or a 'YYYY-MM-DD' string, got ${JSON.stringify(value)}`);
  }
  return date.toISOString().slice(0, 10);
}

/** Splits `[from, to)` into windows of at most `chunkDays` days. */
export function planWindows(from: string, to: string, chunkDays: number): BackfillWindow[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  if (!(end > start)) throw new RangeError(`the backfill range is empty: from ${from} to ${to}`);
  const windows: BackfillWindow[] = [];
  for (let t = start; t < end; t += chunkDays * DAY_MS) {
    const next = Math.min(end, t + chunkDays * DAY_MS);
    windows.push({
      start: new Date(t).toISOString().slice(0, 10),
      end: new Date(next).toISOString().slice(0, 10),
    });
  }
  return windows;
}
