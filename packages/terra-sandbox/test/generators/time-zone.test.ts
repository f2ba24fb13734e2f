import { describe, expect, it } from 'vitest';
import { zonedToEpoch } from '../../src/generators/world/local-time.js';
import { timeZone } from '../../src/generators/world/time-zone.js';
import { TimestampFormatter } from '../../src/generators/world/timestamps.js';

const at = (iso: string) => Date.parse(iso) / 1000;
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

describe('time zones', () => {
  it('follow the real daylight-saving rules, in both hemispheres', () => {
    const newYork = timeZone('America/New_York');
    expect(newYork.offsetAt(at('2026-01-15T12:00:00Z'))).toBe(-300);
    expect(newYork.offsetAt(at('2026-07-15T12:00:00Z'))).toBe(-240);
    // Second Sunday of March, 02:00 EST = 07:00 UTC.
    expect(newYork.spanAt(at('2026-03-08T06:59:59Z'))).toMatchObject({
      offsetMinutes: -300,
      to: at('2026-03-08T07:00:00Z'),
    });
    expect(newYork.spanAt(at('2026-03-08T07:00:00Z'))).toMatchObject({
      offsetMinutes: -240,
      from: at('2026-03-08T07:00:00Z'),
    });
    const sydney = timeZone('Australia/Sydney');
    // First Sunday of October, 02:00 AEST = 16:00 UTC the day before; back on the first Sunday of April.
    expect(sydney.offsetAt(at('2026-10-03T15:59:59Z'))).toBe(600);
    expect(sydney.offsetAt(at('2026-10-03T16:00:00Z'))).toBe(660);
    expect(sydney.offsetAt(at('2026-04-04T15:59:59Z'))).toBe(660);
    expect(sydney.offsetAt(at('2026-04-04T16:00:00Z'))).toBe(600);
    expect(timeZone('Asia/Kolkata').spanAt(at('2026-03-08T07:00:00Z')).offsetMinutes).toBe(330);
  });

  it('read a skipped wall time just after the switch, and a repeated one as its first occurrence', () => {
    const newYork = timeZone('America/New_York');
    // 02:30 does not exist on 2026-03-08 in New York: it reads as 03:30 EDT.
    expect(zonedToEpoch(newYork, day('2026-03-08'), 150)).toBe(at('2026-03-08T07:30:00Z'));
    // 01:30 happens twice on 2026-11-01: the first time is still EDT.
    expect(zonedToEpoch(newYork, day('2026-11-01'), 90)).toBe(at('2026-11-01T05:30:00Z'));
    expect(zonedToEpoch(newYork, day('2026-11-01'), 0)).toBe(at('2026-11-01T04:00:00Z'));
    expect(zonedToEpoch(newYork, day('2026-11-02'), 0)).toBe(at('2026-11-02T05:00:00Z'));
  });

  it('give each formatted timestamp the offset in force at its instant', () => {
    const fmt = new TimestampFormatter(timeZone('Europe/London'));
    expect(fmt.format(at('2026-03-29T00:59:59Z'))).toBe('2026-03-29T00:59:59.000000+00:00');
    expect(fmt.format(at('2026-03-29T01:00:00Z'))).toBe('2026-03-29T02:00:00.000000+01:00');
    // Back again: the formatter finds the earlier span, not only later ones.
    expect(fmt.format(at('2026-03-28T23:00:00Z'))).toBe('2026-03-28T23:00:00.000000+00:00');
    expect(fmt.format(at('2026-10-25T00:59:59Z'))).toBe('2026-10-25T01:59:59.000000+01:00');
    expect(fmt.format(at('2026-10-25T01:00:00Z'))).toBe('2026-10-25T01:00:00.000000+00:00');
    for (let t = at('2026-03-28T00:00:00Z'); t < at('2026-03-31T00:00:00Z'); t += 1_793) {
      expect(Date.parse(fmt.format(t)) / 1000).toBe(t);
    }
  });
});
