import { describe, expect, it } from 'vitest';
import { formatOffset, TimestampFormatter } from '../../src/generators/world/timestamps.js';

const at = (iso: string) => Date.parse(iso) / 1000;

describe('TimestampFormatter', () => {
  it('writes local time with microseconds and the offset, as Terra does', () => {
    expect(new TimestampFormatter(60).format(at('2026-03-01T06:12:00Z'))).toBe(
      '2026-03-01T07:12:00.000000+01:00',
    );
    expect(new TimestampFormatter(0).format(at('2026-03-01T06:12:09Z'))).toBe(
      '2026-03-01T06:12:09.000000+00:00',
    );
  });

  it('handles negative and half-hour offsets and rolls the local date over midnight', () => {
    expect(new TimestampFormatter(-300).format(at('2026-03-01T03:00:00Z'))).toBe(
      '2026-02-28T22:00:00.000000-05:00',
    );
    expect(new TimestampFormatter(330).format(at('2026-12-31T20:00:00Z'))).toBe(
      '2027-01-01T01:30:00.000000+05:30',
    );
  });

  it('names the same instant that Date.parse reads back', () => {
    const fmt = new TimestampFormatter(-480);
    for (let t = at('2026-03-01T00:00:00Z'); t < at('2026-03-03T00:00:00Z'); t += 3_607) {
      expect(Date.parse(fmt.format(t)) / 1000).toBe(t);
    }
  });

  it('formats offsets with a sign and never as Z', () => {
    expect(formatOffset(0)).toBe('+00:00');
    expect(formatOffset(-210)).toBe('-03:30');
    expect(formatOffset(720)).toBe('+12:00');
  });
});
