import type { GeneratorContext } from '../world/context.js';
import type { Persona } from '../world/persona.js';
import { createRandom } from '../world/random.js';

/** Slow drift of weight and body fat around the persona's baseline. */
export interface BodyTrend {
  readonly weightKg: number;
  readonly bodyFatPercentage: number;
}

/**
 * Weight wanders by a kilo or two over months (a slow seasonal swing plus a faster one), and body
 * fat follows it. A function of the day alone, so any day is computed without its neighbours.
 */
export function bodyTrendOn(ctx: GeneratorContext, persona: Persona, day: number): BodyTrend {
  const rng = createRandom(ctx.seed, persona.userId, 'body-trend');
  const slowPeriod = rng.between(150, 260);
  const fastPeriod = rng.between(35, 60);
  const slowAmplitude = rng.between(0.8, 2.2);
  const phase1 = rng.between(0, 2 * Math.PI);
  const phase2 = rng.between(0, 2 * Math.PI);
  const delta =
    slowAmplitude * Math.sin((2 * Math.PI * day) / slowPeriod + phase1) +
    0.5 * Math.sin((2 * Math.PI * day) / fastPeriod + phase2);
  return {
    weightKg: persona.weightKg + delta,
    bodyFatPercentage: persona.bodyFatPercentage + (delta / persona.weightKg) * 60,
  };
}
