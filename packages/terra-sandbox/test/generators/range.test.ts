import { describe, expect, it } from 'vitest';
import {
  GeneratorInputError,
  generateActivity,
  generateRange,
  generateSleep,
  providerSupports,
} from '../../src/generators/index.js';
import { contextFor } from './users.js';

const ctx = contextFor('range-user', 'GARMIN');

describe('generateRange', () => {
  it('concatenates the per-day records in day order and is empty for an empty range', () => {
    const range = generateRange('sleep', ctx, '2026-03-01', '2026-03-04', { withSamples: false });
    const byDay = ['2026-03-01', '2026-03-02', '2026-03-03'].flatMap((d) =>
      generateSleep(ctx, d, { withSamples: false }),
    );
    expect(range).toEqual(byDay);
    expect(generateRange('sleep', ctx, '2026-03-01', '2026-03-01')).toEqual([]);
  });

  it('rejects reversed ranges, malformed dates and unknown types with typed errors that say what to send', () => {
    expect(() => generateRange('sleep', ctx, '2026-03-05', '2026-03-01')).toThrow(GeneratorInputError);
    expect(() => generateRange('sleep', ctx, '2026-03-05', '2026-03-01')).toThrow(/before startDay/);
    expect(() => generateRange('sleep', ctx, '2026/03/01', '2026-03-02')).toThrow(
      /startDay must be a calendar date/,
    );
    expect(() => generateRange('sleep', ctx, '2026-02-30', '2026-03-02')).toThrow(GeneratorInputError);
    // biome-ignore lint/suspicious/noExplicitAny: deliberately passing a wrong type, as untyped callers can
    expect(() => generateRange('steps' as any, ctx, '2026-03-01', '2026-03-02')).toThrow(
      /must be one of activity, sleep/,
    );
  });

  it('rejects a malformed day and a non-boolean withSamples in the per-day generators', () => {
    expect(() => generateActivity(ctx, '1 March 2026')).toThrow(/YYYY-MM-DD/);
    // biome-ignore lint/suspicious/noExplicitAny: deliberately passing a wrong type, as untyped callers can
    expect(() => generateActivity(ctx, '2026-03-01', { withSamples: 'yes' as any })).toThrow(
      /withSamples must be true or false/,
    );
  });

  it('knows which providers serve which data types', () => {
    expect(providerSupports('GARMIN', 'activity')).toBe(true);
    expect(providerSupports('OURA', 'nutrition')).toBe(false);
    expect(providerSupports('wahoo', 'sleep')).toBe(false);
    expect(providerSupports('SOMETHING-NEW', 'nutrition')).toBe(true);
  });
});
