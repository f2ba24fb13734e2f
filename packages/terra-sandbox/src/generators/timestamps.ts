import { DAY_SECONDS } from './calendar.js';

const TWO_DIGITS: string[] = Array.from({ length: 60 }, (_, i) => (i < 10 ? `0${i}` : String(i)));

/** Formats a UTC offset in minutes as Terra writes it: `+01:00`, `-05:00`, `+05:30`, `+00:00` (never `Z`). */
export function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${sign}${TWO_DIGITS[Math.floor(abs / 60)]}:${TWO_DIGITS[abs % 60]}`;
}

/**
 * Writes epoch seconds as Terra's local timestamps, `2026-03-01T07:12:00.000000+01:00`.
 * Samples are formatted by the thousand, so this builds the date part once per local day and the
 * time of day from a lookup table instead of going through `Date` for every sample.
 */
export class TimestampFormatter {
  private readonly offsetSeconds: number;
  private readonly suffix: string;
  private cachedDay = Number.NaN;
  private cachedPrefix = '';

  /** @param offsetMinutes the wearer's UTC offset, e.g. 60 for `+01:00`. */
  constructor(offsetMinutes: number) {
    this.offsetSeconds = offsetMinutes * 60;
    this.suffix = `.000000${formatOffset(offsetMinutes)}`;
  }

  /** Formats whole epoch seconds (fractions are dropped). */
  format(epochSeconds: number): string {
    const local = Math.floor(epochSeconds) + this.offsetSeconds;
    const day = Math.floor(local / DAY_SECONDS);
    if (day !== this.cachedDay) {
      this.cachedDay = day;
      this.cachedPrefix = `${new Date(day * DAY_SECONDS * 1000).toISOString().slice(0, 10)}T`;
    }
    const secondOfDay = local - day * DAY_SECONDS;
    const hours = Math.floor(secondOfDay / 3600);
    const minutes = Math.floor((secondOfDay % 3600) / 60);
    return `${this.cachedPrefix}${TWO_DIGITS[hours]}:${TWO_DIGITS[minutes]}:${TWO_DIGITS[secondOfDay % 60]}${this.suffix}`;
  }
}
