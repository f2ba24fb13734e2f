import { planWorkouts } from '../activity/workout-plan.js';
import { formatDay, weekday } from '../world/calendar.js';
import type { GeneratorContext } from '../world/context.js';
import { localToEpoch } from '../world/local-time.js';
import type { Persona } from '../world/persona.js';
import { createRandom } from '../world/random.js';
import { summaryIdFrom } from '../world/summary-id.js';
import type { SleepPlan } from './night-plan.js';

/** The afternoon nap of local day `day`, on the few days the persona takes one. */
export function planNap(ctx: GeneratorContext, persona: Persona, day: number): SleepPlan | null {
  const rng = createRandom(ctx.seed, persona.userId, formatDay(day), 'nap');
  const dow = weekday(day);
  if (!rng.chance(dow === 0 || dow === 6 ? 0.15 : 0.05)) return null;
  const startSeconds = localToEpoch(persona, day, rng.int(13 * 60 + 15, 15 * 60 + 30));
  const endSeconds = startSeconds + rng.int(20, 75) * 60;
  const margin = 30 * 60;
  // Nobody naps mid-workout: skip the nap when it would collide with one.
  const clash = planWorkouts(ctx, persona, day).some(
    (w) => w.startSeconds < endSeconds + margin && w.startSeconds + w.durationSeconds + margin > startSeconds,
  );
  if (clash) return null;
  return { keyDay: day, isNap: true, startSeconds, endSeconds, summaryId: summaryIdFrom(rng) };
}
