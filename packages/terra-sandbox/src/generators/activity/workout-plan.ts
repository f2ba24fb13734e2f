import { planNight } from '../sleep/night-plan.js';
import { formatDay, weekday } from '../world/calendar.js';
import type { GeneratorContext } from '../world/context.js';
import { dayClockOf, localMidnight, localToEpoch, wallMinuteOf } from '../world/local-time.js';
import type { Persona } from '../world/persona.js';
import { createRandom, type Random } from '../world/random.js';
import { summaryIdFrom } from '../world/summary-id.js';
import { type SessionShape, SPORTS, type Sport } from './sports.js';

/** One workout on one day, decided before any sample is drawn. */
export interface WorkoutPlan {
  /** Position among the day's workouts (0 or 1); part of the workout's random key. */
  readonly index: number;
  readonly dayNumber: number;
  readonly sport: Sport;
  readonly shape: SessionShape;
  /** Epoch seconds. */
  readonly startSeconds: number;
  /** Whole minutes, in seconds. */
  readonly durationSeconds: number;
  /** Steady effort as a fraction of heart-rate reserve. */
  readonly effort: number;
  readonly summaryId: string;
  /** Local minutes after midnight at the start (for the workout's name). */
  readonly startMinutes: number;
}

/**
 * The workouts a persona does on a local day: none on rest days, one usually, two on some days of
 * people who train often. Cheap (no samples), so daily summaries can place workout steps too.
 */
export function planWorkouts(ctx: GeneratorContext, persona: Persona, dayNumber: number): WorkoutPlan[] {
  if (persona.sports.length === 0 || persona.workoutsPerWeek <= 0) return [];
  const rng = createRandom(ctx.seed, persona.userId, formatDay(dayNumber), 'activity-plan');
  const weekend = weekday(dayNumber) === 0 || weekday(dayNumber) === 6;
  const perDay = persona.workoutsPerWeek / 7;
  if (!rng.chance(Math.min(0.95, perDay * (weekend ? 1.2 : 0.95)))) return [];
  const count = persona.workoutsPerWeek >= 4 && rng.chance(0.12) ? 2 : 1;
  const firstMinutes = firstStartMinutes(persona, rng, weekend);
  const midnight = localMidnight(persona, dayNumber);
  // Start times are wall-clock minutes, so waking and bedtime are read off the wall clock too (on the
  // day the clocks change, elapsed minutes since midnight are an hour off it).
  const clock = dayClockOf(persona, dayNumber);
  const wakeMinutes = wallMinuteOf(
    clock,
    Math.ceil((planNight(ctx, persona, dayNumber - 1).endSeconds - midnight) / 60),
  );
  const bedMinutes = wallMinuteOf(
    clock,
    Math.floor((planNight(ctx, persona, dayNumber).startSeconds - midnight) / 60),
  );
  const plans: WorkoutPlan[] = [];
  for (let index = 0; index < count; index++) {
    // A second session goes to the other end of the day from the first.
    const preferred =
      index === 0
        ? firstMinutes
        : firstMinutes < 720
          ? rng.int(17 * 60, 19 * 60)
          : rng.int(6 * 60 + 15, 7 * 60 + 30);
    plans.push(planSession(persona, dayNumber, index, preferred, { wakeMinutes, bedMinutes, weekend }, rng));
  }
  plans.sort((a, b) => a.startSeconds - b.startSeconds);
  const [first, second] = plans;
  // A second session squeezed against the first is dropped rather than overlapped.
  if (first && second && second.startSeconds < first.startSeconds + first.durationSeconds + 3600)
    return [first];
  return plans;
}

function planSession(
  persona: Persona,
  dayNumber: number,
  index: number,
  preferredMinutes: number,
  day: { wakeMinutes: number; bedMinutes: number; weekend: boolean },
  rng: Random,
): WorkoutPlan {
  const sport = SPORTS[rng.weighted(persona.sports)];
  let shape = rng.weighted(sport.shapes);
  if (day.weekend && sport.shapes.some(([s]) => s === 'long') && rng.chance(0.5)) shape = 'long';
  const [minMinutes, maxMinutes] = sport.minutes;
  const span = maxMinutes - minMinutes;
  const minutes =
    shape === 'long'
      ? Math.round(minMinutes + span * rng.between(0.75, 1))
      : Math.round(minMinutes + span * rng.between(0, 0.7));
  // Train awake: after getting up (with time for coffee) and done well before bed.
  let startMinutes = Math.max(preferredMinutes, day.wakeMinutes + rng.int(15, 40));
  startMinutes = Math.min(startMinutes, day.bedMinutes - 45 - minutes);
  const [lowEffort, highEffort] = sport.effort;
  return {
    index,
    dayNumber,
    sport,
    shape,
    startSeconds: localToEpoch(persona, dayNumber, startMinutes),
    durationSeconds: minutes * 60,
    effort: rng.between(lowEffort, highEffort) + 0.05 * (persona.fitness - 0.5),
    summaryId: summaryIdFrom(rng),
    startMinutes,
  };
}

function firstStartMinutes(persona: Persona, rng: Random, weekend: boolean): number {
  if (weekend) return rng.int(7 * 60 + 30, 10 * 60 + 30);
  const slot =
    persona.chronotype === 'lark'
      ? 'morning'
      : persona.chronotype === 'owl'
        ? rng.weighted([
            ['evening', 4],
            ['lunch', 1],
          ] as const)
        : rng.weighted([
            ['morning', 2],
            ['lunch', 1],
            ['evening', 2],
          ] as const);
  if (slot === 'morning') return rng.int(5 * 60 + 45, 7 * 60 + 15);
  if (slot === 'lunch') return rng.int(12 * 60, 12 * 60 + 45);
  return rng.int(17 * 60 + 30, 19 * 60 + 30);
}
