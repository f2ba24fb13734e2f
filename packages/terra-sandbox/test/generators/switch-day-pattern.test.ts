import { describe, expect, it } from 'vitest';
import { buildDayTimeline, MinuteState } from '../../src/generators/daily/day-timeline.js';
import {
  DATA_TYPES,
  GENERATORS,
  type GeneratorContext,
  generateRange,
  type Persona,
  parseDay,
  personaOf,
} from '../../src/generators/index.js';
import { assertSchema, SCHEMA_OF_DATA_TYPE, SCHEMAS_PRESENT } from '../support/schemas.js';
import { contextFor } from './users.js';

/** Every persona among the first 200 users of a few providers who lives in `zone` and records `type`. */
function usersIn(zone: string, type: 'daily' | 'activity' | 'menstruation'): GeneratorContext[] {
  const out: GeneratorContext[] = [];
  for (const provider of ['GARMIN', 'FITBIT', 'OURA', 'WHOOP', 'POLAR']) {
    for (let n = 0; n < 200; n++) {
      const ctx = contextFor(`sandbox-${provider.toLowerCase()}-${n}`, provider);
      const persona = personaOf(ctx);
      if (persona.timeZone.name !== zone || !persona.profile.dataTypes.includes(type)) continue;
      if (type === 'menstruation' && persona.cycle === null) continue;
      out.push(ctx);
    }
  }
  return out;
}

/** A switch day with the ordinary days either side of it, and how many hours it lasts. */
interface SwitchDay {
  readonly zone: string;
  readonly day: string;
  readonly hours: 23 | 25;
  readonly before: string;
  readonly after: string;
}

const SWITCH_DAYS: readonly SwitchDay[] = [
  { zone: 'America/New_York', day: '2026-03-08', hours: 23, before: '2026-03-07', after: '2026-03-09' },
  { zone: 'America/New_York', day: '2026-11-01', hours: 25, before: '2026-10-31', after: '2026-11-02' },
  { zone: 'Australia/Sydney', day: '2026-10-04', hours: 23, before: '2026-10-03', after: '2026-10-05' },
  { zone: 'Australia/Sydney', day: '2026-04-05', hours: 25, before: '2026-04-04', after: '2026-04-06' },
];

/** The hour on the wall clock at an epoch-seconds instant, from the zone's own offsets. */
function wallHour(persona: Persona, epochSeconds: number): number {
  const local = epochSeconds + persona.timeZone.offsetAt(epochSeconds) * 60;
  return Math.floor((((local % 86_400) + 86_400) % 86_400) / 3600);
}

/** The hour of day written in a Terra local timestamp. */
function hourOf(timestamp: string | null | undefined): number {
  return Number((timestamp ?? '').slice(11, 13));
}

/** The hour among `from..to` with the largest value. */
function busiestHour(byHour: readonly number[], from: number, to: number): number {
  let best = from;
  for (let h = from; h <= to; h++) if ((byHour[h] ?? 0) > (byHour[best] ?? 0)) best = h;
  return best;
}

/** Everyday steps (workouts left out, their times are planned separately) per wall-clock hour, summed over users. */
function everydayStepsByWallHour(users: readonly GeneratorContext[], day: string): number[] {
  const byHour = new Array<number>(24).fill(0);
  for (const ctx of users) {
    const persona = personaOf(ctx);
    const timeline = buildDayTimeline(ctx, persona, parseDay(day));
    for (let m = 0; m < timeline.state.length; m++) {
      if (timeline.state[m] === MinuteState.WORKOUT) continue;
      const hour = wallHour(persona, timeline.startSeconds + m * 60);
      byHour[hour] = (byHour[hour] ?? 0) + (timeline.steps[m] ?? 0);
    }
  }
  return byHour;
}

/** Mean stress level per local hour, read off the daily records' stress samples, over users. */
function meanStressByLocalHour(users: readonly GeneratorContext[], day: string): number[] {
  const total = new Array<number>(24).fill(0);
  const count = new Array<number>(24).fill(0);
  for (const ctx of users) {
    const [daily] = GENERATORS.daily(ctx, day, { withSamples: true });
    for (const s of daily?.stress_data?.samples ?? []) {
      const hour = hourOf(s.timestamp);
      total[hour] = (total[hour] ?? 0) + (s.level ?? 0);
      count[hour] = (count[hour] ?? 0) + 1;
    }
  }
  return total.map((t, h) => t / Math.max(1, count[h] ?? 0));
}

describe('the daily pattern on the days the clocks change follows the wall clock', () => {
  for (const s of SWITCH_DAYS) {
    const users = usersIn(s.zone, 'daily');

    it(`${s.zone} ${s.day}: the morning commute peaks at 08:00 local, as on ${s.before} and ${s.after}`, () => {
      expect(users.length).toBeGreaterThan(20);
      for (const day of [s.before, s.day, s.after]) {
        expect({ day, hour: busiestHour(everydayStepsByWallHour(users, day), 6, 10) }).toEqual({
          day,
          hour: 8,
        });
      }
    });

    it(`${s.zone} ${s.day}: work-hour stress ends at 18:00 local, as on ${s.before} and ${s.after}`, () => {
      for (const day of [s.before, s.day, s.after]) {
        const stress = meanStressByLocalHour(users, day);
        const drops = stress.map((level, h) => (h === 0 ? 0 : (stress[h - 1] ?? 0) - level));
        expect({ day, hour: busiestHour(drops, 15, 21) }).toEqual({ day, hour: 18 });
      }
    });
  }

  it('plans workouts awake: after the night that ended that morning and before the next one', () => {
    for (const s of SWITCH_DAYS) {
      for (const ctx of usersIn(s.zone, 'activity')) {
        const nights = generateRange('sleep', ctx, s.before, s.after);
        for (const w of GENERATORS.activity(ctx, s.day)) {
          const start = Date.parse(w.metadata.start_time);
          const end = Date.parse(w.metadata.end_time);
          const overlapping = nights.filter(
            (n) => Date.parse(n.metadata.start_time) < end && Date.parse(n.metadata.end_time) > start,
          );
          expect({ user: ctx.user.user_id, day: s.day, overlapping }).toEqual({
            user: ctx.user.user_id,
            day: s.day,
            overlapping: [],
          });
        }
      }
    }
  });

  it('stamps the day’s flow at 08:00 and its update at 21:00 local', () => {
    let flows = 0;
    for (const s of SWITCH_DAYS) {
      for (const ctx of usersIn(s.zone, 'menstruation')) {
        for (const record of generateRange('menstruation', ctx, s.before, s.after, { withSamples: true })) {
          const data = record.menstruation_data;
          expect(data?.last_updated_time?.slice(11, 19)).toBe('21:00:00');
          for (const f of data?.menstruation_flow ?? []) {
            expect(f.timestamp?.slice(11, 19)).toBe('08:00:00');
            flows++;
          }
        }
      }
    }
    expect(flows).toBeGreaterThan(0);
  });
});

describe('the records of a day the clocks change stay whole', () => {
  for (const s of SWITCH_DAYS) {
    it(`${s.zone} ${s.day}: samples inside the ${s.hours}-hour day, totals equal to their samples`, () => {
      for (const ctx of usersIn(s.zone, 'daily').slice(0, 8)) {
        const [daily] = GENERATORS.daily(ctx, s.day, { withSamples: true });
        const [ordinary] = GENERATORS.daily(ctx, s.before, { withSamples: false });
        if (!daily || !ordinary) throw new Error(`no daily record for ${ctx.user.user_id}`);
        const start = Date.parse(daily.metadata.start_time);
        const end = Date.parse(daily.metadata.end_time);
        expect(end - start).toBe(s.hours * 3_600_000);
        const steps = daily.distance_data?.detailed?.step_samples ?? [];
        expect(steps).toHaveLength(s.hours * 4);
        // Cumulative samples never go down and end at the day's total, stamped at the day's end.
        for (let i = 1; i < steps.length; i++)
          expect(steps[i]?.steps ?? 0).toBeGreaterThanOrEqual(steps[i - 1]?.steps ?? 0);
        expect(steps.at(-1)?.steps).toBe(daily.distance_data?.steps);
        expect(Date.parse(steps.at(-1)?.timestamp ?? '')).toBe(end);
        const calories = daily.calories_data?.calorie_samples ?? [];
        const sampled = calories.reduce((sum, c) => sum + (c.calories ?? 0), 0);
        expect(daily.calories_data?.total_burned_calories).toBeCloseTo(sampled, 1);
        // Basal energy is for the hours the day really has.
        expect(daily.calories_data?.BMR_calories ?? 0).toBeCloseTo(
          ((ordinary.calories_data?.BMR_calories ?? 0) * s.hours) / 24,
          1,
        );
        const d = daily.active_durations_data;
        expect((d?.activity_seconds ?? 0) + (d?.rest_seconds ?? 0) + (d?.inactivity_seconds ?? 0)).toBe(
          s.hours * 3600,
        );
        const instants = [
          ...(daily.heart_rate_data?.detailed?.hr_samples ?? []).map((x) => x.timestamp),
          ...(daily.stress_data?.samples ?? []).map((x) => x.timestamp),
          ...(daily.stress_data?.body_battery_samples ?? []).map((x) => x.timestamp),
          ...calories.map((x) => x.timestamp),
          ...(daily.MET_data?.MET_samples ?? []).map((x) => x.timestamp),
          ...(daily.active_durations_data?.activity_levels_samples ?? []).map((x) => x.timestamp),
        ].map((t) => Date.parse(t ?? ''));
        expect(instants.filter((t) => !(t >= start && t < end))).toEqual([]);
      }
    });

    it(`${s.zone} ${s.day}: glucose readings every 15 minutes inside the day`, () => {
      let checked = 0;
      for (let n = 0; n < 200 && checked < 2; n++) {
        const ctx = contextFor(`sandbox-freestylelibre-${n}`, 'FREESTYLELIBRE');
        if (personaOf(ctx).timeZone.name !== s.zone) continue;
        const [body] = GENERATORS.body(ctx, s.day, { withSamples: true });
        const readings = body?.glucose_data?.blood_glucose_samples ?? [];
        expect(readings).toHaveLength(s.hours * 4);
        const start = Date.parse(body?.metadata.start_time ?? '');
        expect(readings.map((r) => Date.parse(r.timestamp ?? ''))).toEqual(
          readings.map((_, i) => start + i * 900_000),
        );
        checked++;
      }
      expect(checked).toBeGreaterThan(0);
    });
  }
});

const SCHEMA_OF = SCHEMA_OF_DATA_TYPE;

describe.skipIf(!SCHEMAS_PRESENT)('switch-day records against the official JSON Schemas', () => {
  it('keeps every record of New York and Sydney personas on the switch days valid', () => {
    let count = 0;
    for (const s of SWITCH_DAYS) {
      const users = [
        ...usersIn(s.zone, 'daily').slice(0, 2),
        ...usersIn(s.zone, 'menstruation').slice(0, 1),
        ...[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
          .map((n) => contextFor(`sandbox-freestylelibre-${n}`, 'FREESTYLELIBRE'))
          .filter((ctx) => personaOf(ctx).timeZone.name === s.zone)
          .slice(0, 1),
      ];
      for (const ctx of users) {
        for (const type of DATA_TYPES) {
          for (const record of GENERATORS[type](ctx, s.day, { withSamples: true })) {
            assertSchema(SCHEMA_OF[type], record);
            count++;
          }
        }
      }
    }
    expect(count).toBeGreaterThan(20);
  });
});
