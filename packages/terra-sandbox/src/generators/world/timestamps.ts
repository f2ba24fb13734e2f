import { DAY_SECONDS } from './calendar.js';
import { fixedOffsetZone, type TimeZone } from './time-zone.js';

const TWO_DIGITS: string[] = Array.from({ length: 60 }, (_, i) => (i < 10 ? `0${i}` : String(i)));

/** Formats a UTC offset in minutes as Terra writes it: `+01:00`, `-05:00`, `+05:30`, `+00:00` (never `Z`). */
export function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${sign}${TWO_DIGITS[Math.floor(abs / 60)]}:${TWO_DIGITS[abs % 60]}`;
}

/**
 * Writes epoch seconds as Terra's local timestamps, `2026-03-01T07:12:00.000000+01:00`, each with the
 * offset in force at that instant (so a night across a daylight-saving switch starts `+00:00` and ends
 * `+01:00`). Samples are formatted by the thousand, so this keeps the current constant-offset span and
 * the date part of the current local day, and builds the time of day from a lookup table instead of
 * going through `Date` for every sample.
 */
export class TimestampFormatter {
  private readonly zone: TimeZone;
  private spanFrom = Number.POSITIVE_INFINITY;
  private spanTo = Number.NEGATIVE_INFINITY;
  private offsetSeconds = 0;
  private suffix = '';
  private cachedDay = Number.NaN;
  private cachedPrefix = '';

  /** @param zone the wearer's time zone, or a fixed UTC offset in minutes (e.g. 60 for `+01:00`). */
  constructor(zone: TimeZone | number) {
    this.zone = typeof zone === 'number' ? fixedOffsetZone(zone) : zone;
  }

  /** Formats whole epoch seconds (fractions are dropped). */
  format(epochSeconds: number): string {
    const seconds = Math.floor(epochSeconds);
    if (seconds < this.spanFrom || seconds >= this.spanTo) this.enterSpan(seconds);
    const local = seconds + this.offsetSeconds;
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

  private enterSpan(seconds: number): void {
    const span = this.zone.spanAt(seconds);
    this.spanFrom = span.from;
    this.spanTo = span.to;
    this.offsetSeconds = span.offsetMinutes * 60;
    this.suffix = `.000000${formatOffset(span.offsetMinutes)}`;
  }
}
