import { MealType } from 'terra-ts';
import { formatDay } from '../world/calendar.js';
import type { GeneratorContext } from '../world/context.js';
import { type Course, FOODS, type Food, type Nutrients } from '../world/foods.js';
import { localToEpoch } from '../world/local-time.js';
import type { Persona } from '../world/persona.js';
import { createRandom, type Random } from '../world/random.js';

/** One logged food: what, when, how much, and its nutrients in tenths (so sums stay exact). */
export interface LoggedFood {
  readonly id: string;
  readonly food: Food;
  readonly mealType: number;
  readonly epochSeconds: number;
  readonly servings: number;
  /** Nutrient amounts for the logged quantity, in tenths of the unit (integers). */
  readonly tenths: Readonly<Record<keyof Nutrients, number>>;
}

/** A drink: water counts towards `water_ml`, the rest towards `drink_ml`. */
export interface LoggedDrink {
  readonly name: string;
  readonly epochSeconds: number;
  readonly milliliters: number;
  readonly isWater: boolean;
}

/** What a persona ate and drank on a local day. */
export interface DayMeals {
  readonly foods: readonly LoggedFood[];
  readonly drinks: readonly LoggedDrink[];
}

const NUTRIENT_KEYS = Object.keys(FOODS[0]?.per ?? {}) as (keyof Nutrients)[];

const SLOTS: readonly {
  type: number;
  minutes: readonly [number, number];
  courses: readonly Course[];
  chance: number;
}[] = [
  {
    type: MealType.BREAKFAST,
    minutes: [6 * 60 + 45, 9 * 60],
    courses: ['breakfast', 'breakfast'],
    chance: 0.92,
  },
  { type: MealType.MORNING_SNACK, minutes: [10 * 60, 11 * 60], courses: ['snack'], chance: 0.3 },
  { type: MealType.LUNCH, minutes: [12 * 60, 13 * 60 + 30], courses: ['main', 'side'], chance: 0.95 },
  { type: MealType.AFTERNOON_SNACK, minutes: [15 * 60, 16 * 60 + 30], courses: ['snack'], chance: 0.5 },
  {
    type: MealType.DINNER,
    minutes: [18 * 60 + 30, 20 * 60 + 30],
    courses: ['main', 'side', 'side'],
    chance: 0.97,
  },
  { type: MealType.SNACK, minutes: [21 * 60, 22 * 60], courses: ['snack'], chance: 0.15 },
];

/**
 * The meals and drinks of a local day, portions scaled towards the persona's intake target.
 * Used by nutrition logs and by glucose curves, so a glucose spike follows a logged meal.
 */
export function planMeals(ctx: GeneratorContext, persona: Persona, day: number): DayMeals {
  const rng = createRandom(ctx.seed, persona.userId, formatDay(day), 'meals');
  const picks: { food: Food; mealType: number; minutes: number }[] = [];
  for (const slot of SLOTS) {
    if (!rng.chance(slot.chance)) continue;
    const minutes = rng.int(slot.minutes[0], slot.minutes[1]);
    for (const course of slot.courses) {
      if (course === 'side' && rng.chance(0.35)) continue;
      picks.push({ food: pickFood(course, rng), mealType: slot.type, minutes: minutes + rng.int(0, 4) });
    }
  }
  const baseCalories = picks.reduce((total, p) => total + caloriesOf(p.food.per), 0);
  const scale = baseCalories === 0 ? 1 : (persona.intakeCalories * rng.normal(1, 0.08)) / baseCalories;
  const foods = picks.map((p, index): LoggedFood => {
    // Portions move in quarter servings, the way people log them.
    const servings = Math.max(0.5, Math.round(scale * rng.between(0.8, 1.2) * 4) / 4);
    const tenths = {} as Record<keyof Nutrients, number>;
    for (const key of NUTRIENT_KEYS) tenths[key] = Math.round(p.food.per[key] * servings * 10);
    return {
      id: `food_${rng.hex(10)}_${index}`,
      food: p.food,
      mealType: p.mealType,
      epochSeconds: localToEpoch(persona, day, p.minutes),
      servings,
      tenths,
    };
  });
  return { foods, drinks: planDrinks(persona, day, rng) };
}

function planDrinks(persona: Persona, day: number, rng: Random): LoggedDrink[] {
  const drinks: LoggedDrink[] = [];
  const coffees = rng.int(0, 3);
  for (let i = 0; i < coffees; i++) {
    drinks.push({
      name: 'Coffee',
      epochSeconds: localToEpoch(persona, day, rng.int(7 * 60, 15 * 60)),
      milliliters: 240,
      isWater: false,
    });
  }
  const glasses = rng.int(4, 9);
  for (let i = 0; i < glasses; i++) {
    drinks.push({
      name: 'Water',
      epochSeconds: localToEpoch(persona, day, rng.int(7 * 60, 21 * 60 + 30)),
      milliliters: rng.pick([250, 330, 500]),
      isWater: true,
    });
  }
  return drinks.sort((a, b) => a.epochSeconds - b.epochSeconds);
}

function pickFood(course: Course, rng: Random): Food {
  return rng.pick(FOODS.filter((food) => food.course === course));
}

/** Energy from macronutrients (Atwater factors: 4 kcal/g protein and carbohydrate, 9 fat, 7 alcohol). */
export function caloriesOf(
  n: Pick<Nutrients, 'protein_g' | 'carbohydrates_g' | 'fat_g' | 'alcohol_g'>,
): number {
  return 4 * n.protein_g + 4 * n.carbohydrates_g + 9 * n.fat_g + 7 * n.alcohol_g;
}
