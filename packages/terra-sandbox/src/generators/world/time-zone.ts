import { GeneratorInputError } from './errors.js';

/** A stretch of time over which a zone's UTC offset does not change: `[from, to)` in epoch seconds. */
export interface OffsetSpan {
  readonly offsetMinutes: number;
  readonly from: number;
  readonly to: number;
}

/** An IANA time zone, with the offset (daylight saving included) in force at any instant. */
export interface TimeZone {
  /** IANA name, e.g. `Europe/London`. */
  readonly name: string;
  /** The UTC offset in minutes at an instant (epoch seconds), e.g. 60 for London in July. */
  offsetAt(epochSeconds: number): number;
  /** The constant-offset span holding an instant, so callers formatting many instants look up once per span. */
  spanAt(epochSeconds: number): OffsetSpan;
}

const YEAR_CACHE_LIMIT = 512;

/**
 * Offsets come from the platform's time zone database (Intl), so the sandbox follows real rules:
 * New York springs forward on the second Sunday of March, Sydney on the first Sunday of October.
 * A year's transitions are found once (a probe a day, then bisection to the second) and cached.
 */
class IntlTimeZone implements TimeZone {
  private readonly parts: Intl.DateTimeFormat;
  private readonly years = new Map<number, OffsetSpan[]>();

  constructor(readonly name: string) {
    this.parts = new Intl.DateTimeFormat('en-US', {
      timeZone: name,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  offsetAt(epochSeconds: number): number {
    return this.spanAt(epochSeconds).offsetMinutes;
  }

  spanAt(epochSeconds: number): OffsetSpan {
    const spans = this.spansOf(new Date(epochSeconds * 1000).getUTCFullYear());
    let lo = 0;
    let hi = spans.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((spans[mid] as OffsetSpan).from <= epochSeconds) lo = mid;
      else hi = mid - 1;
    }
    return spans[lo] as OffsetSpan;
  }

  /** The year's constant-offset spans, in order, covering it from 1 January to 1 January (UTC). */
  private spansOf(year: number): OffsetSpan[] {
    const cached = this.years.get(year);
    if (cached) return cached;
    const start = Date.UTC(year, 0, 1) / 1000;
    const end = Date.UTC(year + 1, 0, 1) / 1000;
    const spans: OffsetSpan[] = [];
    let from = start;
    let offset = this.probe(start);
    // Zones change offset at most a few times a year, months apart: a probe a day finds every change.
    for (let t = start + 86_400; t <= end; t += 86_400) {
      const next = this.probe(Math.min(t, end - 1));
      if (next === offset) continue;
      const at = this.firstSecondWith(next, t - 86_400, Math.min(t, end - 1));
      spans.push({ offsetMinutes: offset, from, to: at });
      from = at;
      offset = next;
    }
    spans.push({ offsetMinutes: offset, from, to: end });
    if (this.years.size >= YEAR_CACHE_LIMIT) this.years.clear();
    this.years.set(year, spans);
    return spans;
  }

  /** The first second in `(before, after]` at which the offset is `offset` (it is not at `before`). */
  private firstSecondWith(offset: number, before: number, after: number): number {
    let lo = before;
    let hi = after;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (this.probe(mid) === offset) hi = mid;
      else lo = mid;
    }
    return hi;
  }

  /** The offset in minutes at an instant: the zone's wall clock read as UTC, minus the instant. */
  private probe(epochSeconds: number): number {
    const p: Record<string, number> = {};
    for (const part of this.parts.formatToParts(new Date(epochSeconds * 1000))) {
      if (part.type !== 'literal') p[part.type] = Number(part.value);
    }
    const wall =
      Date.UTC(p.year as number, (p.month as number) - 1, p.day, p.hour, p.minute, p.second) / 1000;
    return Math.round((wall - epochSeconds) / 60);
  }
}

const zones = new Map<string, TimeZone>();

/**
 * The time zone with this IANA name (cached: every generated day of a persona reads it).
 *
 * @example
 * timeZone('America/New_York').offsetAt(Date.UTC(2026, 6, 1) / 1000); // -240 (EDT)
 */
export function timeZone(name: string): TimeZone {
  let zone = zones.get(name);
  if (zone) return zone;
  try {
    zone = new IntlTimeZone(name);
  } catch {
    throw new GeneratorInputError(
      `time zone must be an IANA name such as 'Europe/London', got ${JSON.stringify(name)}.`,
    );
  }
  zones.set(name, zone);
  return zone;
}

/** A zone that never changes offset (`+05:30` all year), for callers that want a fixed one. */
export function fixedOffsetZone(offsetMinutes: number): TimeZone {
  const span: OffsetSpan = { offsetMinutes, from: -Infinity, to: Infinity };
  return { name: `fixed${offsetMinutes}`, offsetAt: () => offsetMinutes, spanAt: () => span };
}
