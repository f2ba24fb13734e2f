import type { GeneratorContext } from '../world/context.js';
import { localDayOf } from '../world/local-time.js';
import type { Persona } from '../world/persona.js';
import { planNap } from './nap-plan.js';
import { planNight, type SleepPlan } from './night-plan.js';

/**
 * The sleep sessions whose start falls on local day `day`: the night that begins that evening
 * (unless bedtime slips past midnight), the previous night if its bedtime did, and any nap.
 */
export function sleepPlansStartingOn(ctx: GeneratorContext, persona: Persona, day: number): SleepPlan[] {
  const plans = [planNight(ctx, persona, day - 1), planNight(ctx, persona, day)];
  const nap = planNap(ctx, persona, day);
  if (nap) plans.push(nap);
  return plans
    .filter((plan) => localDayOf(persona, plan.startSeconds) === day)
    .sort((a, b) => a.startSeconds - b.startSeconds);
}
