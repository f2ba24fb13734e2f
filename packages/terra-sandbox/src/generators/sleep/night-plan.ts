import { formatDay, weekday } from '../world/calendar.js';
import type { GeneratorContext } from '../world/context.js';
import { localToEpoch } from '../world/local-time.js';
import type { Persona } from '../world/persona.js';
import { createRandom } from '../world/random.js';
import { summaryIdFrom } from '../world/summary-id.js';

/** Seconds per hypnogram epoch (the 30-second epoch of sleep scoring). */
export const SLEEP_EPOCH_SECONDS = 30;

/** When a sleep session happens, decided before its stages are drawn. */
export interface SleepPlan {
  /** The local date the session is keyed by: the evening a night begins, or the day of a nap. */
  readonly keyDay: number;
  readonly isNap: boolean;
  /** Epoch seconds the user got into bed (on a whole minute). */
  readonly startSeconds: number;
  /** Epoch seconds the user got up; the window is a whole number of epochs. */
  readonly endSeconds: number;
  readonly summaryId: string;
}

/**
 * The main sleep that begins on the evening of local day `nightDay`: bedtime around the persona's
 * habit (later on Friday and Saturday nights), time in bed around the persona's need.
 */
export function planNight(ctx: GeneratorContext, persona: Persona, nightDay: number): SleepPlan {
  const rng = createRandom(ctx.seed, persona.userId, formatDay(nightDay), 'night');
  const dow = weekday(nightDay);
  const weekendNight = dow === 5 || dow === 6;
  const bedtime = Math.round(
    persona.bedtimeMinutes + rng.normal(0, 22) + (weekendNight ? rng.between(25, 70) : 0),
  );
  const inBedMinutes = Math.round(
    persona.sleepNeedMinutes * rng.between(0.86, 1.1) + 25 + (weekendNight ? 35 : 0),
  );
  const startSeconds = localToEpoch(persona, nightDay, bedtime);
  return {
    keyDay: nightDay,
    isNap: false,
    startSeconds,
    endSeconds: startSeconds + inBedMinutes * 60,
    summaryId: summaryIdFrom(rng),
  };
}
