import { describe, expect, it } from 'vitest';
import { DATA_TYPES, GENERATORS, generateAthlete, generateRange } from '../../src/generators/index.js';
import { contextFor } from './users.js';

const users = [contextFor('det-garmin', 'GARMIN'), contextFor('det-fitbit', 'FITBIT')];

describe('determinism', () => {
  it('gives deep-equal output for the same seed, user, day and type, call after call', () => {
    for (const ctx of users) {
      for (const type of DATA_TYPES) {
        for (const day of ['2026-03-01', '2026-03-07']) {
          const first = GENERATORS[type](ctx, day, { withSamples: true });
          const again = GENERATORS[type]({ seed: ctx.seed, user: { ...ctx.user } }, day, {
            withSamples: true,
          });
          expect(again).toEqual(first);
        }
      }
    }
  });

  it('gives different data for a different seed or a different user', () => {
    const [ctx] = users;
    if (!ctx) throw new Error('no user');
    const week = (seed: number, userId: string) =>
      generateRange('daily', { seed, user: { ...ctx.user, user_id: userId } }, '2026-03-01', '2026-03-08');
    const base = week(ctx.seed, ctx.user.user_id);
    expect(week(ctx.seed + 1, ctx.user.user_id)).not.toEqual(base);
    expect(week(ctx.seed, 'someone-else')).not.toEqual(base);
    expect(generateAthlete({ seed: ctx.seed + 1, user: ctx.user })).not.toEqual(generateAthlete(ctx));
  });

  it('gives a day the same records whatever range it is asked in (a day never depends on its neighbours)', () => {
    for (const ctx of users) {
      for (const type of DATA_TYPES) {
        const wide = generateRange(type, ctx, '2026-02-20', '2026-03-10', { withSamples: false });
        const narrow = generateRange(type, ctx, '2026-03-03', '2026-03-05', { withSamples: false });
        const fromWide = wide.filter((r) => {
          const day = r.metadata.start_time.slice(0, 10);
          return day >= '2026-03-03' && day < '2026-03-05';
        });
        expect(narrow).toEqual(fromWide);
        // Asking the later day first changes nothing either.
        const later: unknown[] = GENERATORS[type](ctx, '2026-03-04', { withSamples: false });
        const earlier: unknown[] = GENERATORS[type](ctx, '2026-03-03', { withSamples: false });
        expect([...earlier, ...later]).toEqual(narrow);
      }
    }
  });

  it('keeps records free of shared mutable parts, so changing one response cannot change another', () => {
    const [ctx] = users;
    if (!ctx) throw new Error('no user');
    const [first] = GENERATORS.daily(ctx, '2026-03-02', { withSamples: false });
    if (first?.device_data) first.device_data.name = 'changed by a caller';
    const [again] = GENERATORS.daily(ctx, '2026-03-02', { withSamples: false });
    expect(again?.device_data?.name).not.toBe('changed by a caller');
  });
});
