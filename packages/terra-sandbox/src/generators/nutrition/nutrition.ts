import type { DrinkSample, Meal, Nutrition, NutritionMacros, NutritionMicros } from 'terra-ts';
import { recordedMinutes } from '../world/as-of.js';
import { formatDay } from '../world/calendar.js';
import type { GenerateOptions, GeneratorContext } from '../world/context.js';
import { openDay } from '../world/day-request.js';
import { localDayMinutes, localMidnight } from '../world/local-time.js';
import type { Persona } from '../world/persona.js';
import { createRandom } from '../world/random.js';
import { TimestampFormatter } from '../world/timestamps.js';
import { type DayMeals, type LoggedFood, planMeals } from './meal-plan.js';

type Tenths = LoggedFood['tenths'];

/**
 * The nutrition log of a local day (`YYYY-MM-DD`): each food logged at breakfast, lunch, dinner and
 * snacks (Terra MealType numbers) with its quantity, macros and micros; drinks; and a summary whose
 * macros are exactly the sums of the meals'. Calories follow the macros (4/4/9/7 kcal per gram).
 * Some days are not logged at all, as with real food diaries. With `now`, a day in progress holds
 * what was logged up to its last whole 15-minute window (`end_time` is that cut).
 *
 * @example
 * const [log] = generateNutrition({ seed: 1, user }, '2026-03-01', { withSamples: false });
 */
export function generateNutrition(
  ctx: GeneratorContext,
  day: string,
  opts?: Partial<GenerateOptions>,
): Nutrition[] {
  const request = openDay(ctx, day, opts, 'nutrition');
  if (!request) return [];
  const { dayNumber, withSamples, now, persona } = request;
  if (!createRandom(ctx.seed, persona.userId, formatDay(dayNumber), 'nutrition-logged').chance(0.88))
    return [];
  const start = localMidnight(persona, dayNumber);
  const dayMinutes = localDayMinutes(persona, dayNumber);
  const minutes = recordedMinutes(start, dayMinutes, now);
  if (minutes === 0) return [];
  const planned = planMeals(ctx, persona, dayNumber);
  if (minutes === dayMinutes)
    return [buildNutrition(persona, dayNumber, planned, start + minutes * 60, withSamples)];
  // A day in progress: what was logged by the cut (nothing logged yet: no record).
  const cut = start + minutes * 60;
  const logged: DayMeals = {
    foods: planned.foods.filter((f) => f.epochSeconds <= cut),
    drinks: planned.drinks.filter((d) => d.epochSeconds <= cut),
  };
  if (logged.foods.length === 0 && logged.drinks.length === 0) return [];
  return [buildNutrition(persona, dayNumber, logged, cut, withSamples)];
}

function buildNutrition(
  persona: Persona,
  day: number,
  { foods, drinks }: DayMeals,
  endSeconds: number,
  withSamples: boolean,
): Nutrition {
  const fmt = new TimestampFormatter(persona.timeZone);
  const start = localMidnight(persona, day);
  const total = sumTenths(foods.map((f) => f.tenths));
  const meals: Meal[] = foods.map((f) => ({
    id: f.id,
    name: f.food.name,
    type: f.mealType,
    timestamp: fmt.format(f.epochSeconds),
    quantity: { unit: f.food.unit, amount: Math.round(f.food.amount * f.servings * 100) / 100 },
    macros: macrosOf(f.tenths),
    micros: microsOf(f.tenths),
  }));
  const drinkSamples: DrinkSample[] = drinks.map((d) => ({
    timestamp: fmt.format(d.epochSeconds),
    drink_name: d.name,
    drink_volume: d.milliliters,
    drink_unit: 8,
  }));
  return {
    metadata: {
      start_time: fmt.format(start),
      end_time: fmt.format(endSeconds),
      timestamp_localization: 1,
    },
    summary: {
      macros: macrosOf(total),
      micros: microsOf(total),
      water_ml: drinks.filter((d) => d.isWater).reduce((sum, d) => sum + d.milliliters, 0),
      drink_ml: drinks.filter((d) => !d.isWater).reduce((sum, d) => sum + d.milliliters, 0),
    },
    meals,
    drink_samples: withSamples ? drinkSamples : null,
  };
}

function sumTenths(items: Tenths[]): Tenths {
  const total = {} as Record<keyof Tenths, number>;
  for (const item of items) {
    for (const key of Object.keys(item) as (keyof Tenths)[]) total[key] = (total[key] ?? 0) + item[key];
  }
  return total;
}

function macrosOf(t: Tenths): NutritionMacros {
  const v = (key: keyof Tenths) => (t[key] ?? 0) / 10;
  const calories =
    4 * (t.protein_g ?? 0) + 4 * (t.carbohydrates_g ?? 0) + 9 * (t.fat_g ?? 0) + 7 * (t.alcohol_g ?? 0);
  return {
    calories: calories / 10,
    protein_g: v('protein_g'),
    carbohydrates_g: v('carbohydrates_g'),
    net_carbohydrates_g: ((t.carbohydrates_g ?? 0) - (t.fiber_g ?? 0)) / 10,
    fat_g: v('fat_g'),
    saturated_fat_g: v('saturated_fat_g'),
    trans_fat_g: 0,
    fiber_g: v('fiber_g'),
    sugar_g: v('sugar_g'),
    sodium_mg: v('sodium_mg'),
    cholesterol_mg: v('cholesterol_mg'),
    alcohol_g: v('alcohol_g'),
  };
}

function microsOf(t: Tenths): NutritionMicros {
  const v = (key: keyof Tenths) => (t[key] ?? 0) / 10;
  return {
    sodium_mg: v('sodium_mg'),
    potassium_mg: v('potassium_mg'),
    calcium_mg: v('calcium_mg'),
    iron_mg: v('iron_mg'),
    vitamin_C_mg: v('vitamin_C_mg'),
    caffeine_mg: v('caffeine_mg'),
  };
}
