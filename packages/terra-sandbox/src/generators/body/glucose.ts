import type { GlucoseDataSample } from 'terra-ts';
import { planMeals } from '../nutrition/meal-plan.js';
import { formatDay } from '../world/calendar.js';
import type { GeneratorContext } from '../world/context.js';
import { dayClockOf, localDayMinutes, localMidnight, wallMinuteOf } from '../world/local-time.js';
import { clamp } from '../world/numbers.js';
import type { Persona } from '../world/persona.js';
import { createRandom } from '../world/random.js';
import type { TimestampFormatter } from '../world/timestamps.js';

/** Minutes between continuous glucose monitor readings. */
export const GLUCOSE_MINUTES = 15;

/** A day of CGM readings (mg/dL), one per 15 minutes from local midnight. */
export interface GlucoseDay {
  readonly startSeconds: number;
  readonly values: Float64Array;
}

/**
 * Glucose rises after each meal in proportion to its carbohydrates (peaking ~45 minutes later,
 * back to baseline within ~2-3 hours), with a small dawn rise and sensor noise.
 */
export function simulateGlucose(ctx: GeneratorContext, persona: Persona, day: number): GlucoseDay {
  const rng = createRandom(ctx.seed, persona.userId, formatDay(day), 'glucose');
  const startSeconds = localMidnight(persona, day);
  const baseline = 84 + 10 * (1 - persona.fitness) + rng.normal(0, 3);
  const meals = planMeals(ctx, persona, day).foods;
  const values = new Float64Array(localDayMinutes(persona, day) / GLUCOSE_MINUTES);
  const clock = dayClockOf(persona, day);
  for (let k = 0; k < values.length; k++) {
    const t = startSeconds + k * GLUCOSE_MINUTES * 60;
    // The dawn rise follows the body clock, which keeps the wall clock's time, switch days included.
    const hour = wallMinuteOf(clock, k * GLUCOSE_MINUTES) / 60;
    let g = baseline + 6 * Math.exp(-0.5 * ((hour - 6) / 1.2) ** 2);
    for (const meal of meals) {
      const minutesAfter = (t - meal.epochSeconds) / 60;
      if (minutesAfter < 0 || minutesAfter > 240) continue;
      const carbs = (meal.tenths.carbohydrates_g - meal.tenths.fiber_g) / 10;
      // Gamma-shaped response: rises, peaks near 45 minutes, decays.
      const x = minutesAfter / 45;
      g += carbs * 0.55 * x * Math.exp(1 - x);
    }
    values[k] = Math.round(clamp(g + rng.normal(0, 3), 55, 260));
  }
  return { startSeconds, values };
}

/** CGM readings as Terra samples, with high/low flags and trend arrows from the rate of change. */
export function glucoseSamples(glucose: GlucoseDay, fmt: TimestampFormatter): GlucoseDataSample[] {
  return Array.from(glucose.values, (value, k) => {
    const previous = glucose.values[k - 1] ?? value;
    const perMinute = (value - previous) / GLUCOSE_MINUTES;
    return {
      timestamp: fmt.format(glucose.startSeconds + k * GLUCOSE_MINUTES * 60),
      blood_glucose_mg_per_dL: value,
      glucose_level_flag: value > 180 ? 1 : value < 70 ? 2 : 0,
      trend_arrow: perMinute <= -2 ? 1 : perMinute <= -1 ? 2 : perMinute < 1 ? 3 : perMinute < 2 ? 4 : 5,
    };
  });
}
