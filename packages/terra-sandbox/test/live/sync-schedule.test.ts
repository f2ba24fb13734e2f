import { describe, expect, it } from 'vitest';
import { generateActivity, generateSleep, personaOf } from '../../src/generators/index.js';
import { ChaosPlanner } from '../../src/live/chaos.js';
import { DEFAULT_CHAOS } from '../../src/live/options.js';
import { SyncCursor } from '../../src/live/sync-schedule.js';
import { contextFor, daysFrom } from '../generators/users.js';

const ctx = contextFor('schedule-garmin', 'GARMIN', 3);
const persona = personaOf(ctx);
const from = Date.parse('2026-03-01T00:00:00Z') / 1000;

function syncsUntil(untilSeconds: number): number[] {
  const cursor = new SyncCursor(ctx, persona, from);
  const out: number[] = [];
  while (cursor.peek() <= untilSeconds) out.push(cursor.take());
  return out;
}

describe('device syncs', () => {
  const days = daysFrom('2026-03-02', 14);
  const syncs = syncsUntil(Date.parse('2026-03-17T00:00:00Z') / 1000);

  it('come in order, several a day, none twice', () => {
    for (let i = 1; i < syncs.length; i++) expect(syncs[i]).toBeGreaterThan(syncs[i - 1] as number);
    expect(syncs.length / 16).toBeGreaterThan(5);
    expect(syncs[0]).toBeGreaterThan(from);
  });

  it('follow each workout within 12 minutes of its end, and each night within 20 minutes of waking', () => {
    let workouts = 0;
    for (const day of days) {
      for (const workout of generateActivity(ctx, day)) {
        const end = Date.parse(workout.metadata.end_time) / 1000;
        expect(
          syncs.some((t) => t >= end && t <= end + 12 * 60),
          workout.metadata.summary_id,
        ).toBe(true);
        workouts++;
      }
      for (const night of generateSleep(ctx, day).filter((s) => !s.metadata.is_nap)) {
        const wake = Date.parse(night.metadata.end_time) / 1000;
        expect(syncs.some((t) => t >= wake && t <= wake + 20 * 60)).toBe(true);
        // Nobody's phone syncs a sleeping watch: no sync while the user is in bed.
        const bed = Date.parse(night.metadata.start_time) / 1000;
        expect(syncs.filter((t) => t > bed && t < wake)).toEqual([]);
      }
    }
    expect(workouts).toBeGreaterThan(3);
  });

  it('are the same from any starting point: a cursor started later gives the tail of the same list', () => {
    const later = new SyncCursor(ctx, persona, syncs[20] as number);
    expect(later.take()).toBe(syncs[21]);
    expect(later.take()).toBe(syncs[22]);
  });
});

describe('chaos planning', () => {
  it('without chaos sends each version once, when it is read', () => {
    const planner = new ChaosPlanner(1, { duplicates: 0, reorder: 0, lateRetries: 0, bursts: 0 });
    expect(planner.plan('v1', 1_000_000)).toEqual([{ releaseMs: 1_000_000, tiebreak: 0 }]);
  });

  it('never releases a send before its version was read, and decides the same way every time', () => {
    const planner = new ChaosPlanner(5, { duplicates: 0.5, reorder: 0.5, lateRetries: 0.5, bursts: 0.5 });
    const again = new ChaosPlanner(5, { duplicates: 0.5, reorder: 0.5, lateRetries: 0.5, bursts: 0.5 });
    let extra = 0;
    for (let i = 0; i < 200; i++) {
      const readMs = Date.parse('2026-03-04T00:00:00Z') + i * 7 * 60_000;
      const sends = planner.plan(`version-${i}`, readMs);
      expect(again.plan(`version-${i}`, readMs)).toEqual(sends);
      for (const send of sends) expect(send.releaseMs).toBeGreaterThanOrEqual(readMs);
      extra += sends.length - 1;
    }
    expect(extra).toBeGreaterThan(100);
    expect(DEFAULT_CHAOS).toEqual({ duplicates: 0.1, reorder: 0.1, lateRetries: 0.1, bursts: 0.05 });
  });
});
