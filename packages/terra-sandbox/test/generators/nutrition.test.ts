import type { NutritionMacros } from 'terra-ts';
import { describe, expect, it } from 'vitest';
import { generateNutrition, generateRange, personaOf } from '../../src/generators/index.js';
import { contextFor } from './users.js';

const ctx = contextFor('nutrition-logger', 'MYFITNESSPAL');
const logs = generateRange('nutrition', ctx, '2026-03-01', '2026-03-29', { withSamples: true });
const MACROS: (keyof NutritionMacros)[] = [
  'calories',
  'protein_g',
  'carbohydrates_g',
  'fat_g',
  'fiber_g',
  'sugar_g',
  'sodium_mg',
  'alcohol_g',
];

describe('generateNutrition', () => {
  it('logs most days, each with breakfast, lunch and dinner among Terra meal types', () => {
    expect(logs.length).toBeGreaterThan(20);
    expect(logs.length).toBeLessThanOrEqual(28);
    const types = new Set(logs.flatMap((l) => (l.meals ?? []).map((m) => m.type)));
    for (const t of types) expect([1, 2, 3, 4, 5, 6]).toContain(t);
    expect(types).toContain(3);
    expect(types).toContain(5);
  });

  it('has summary macros that are exactly the sums of the meals', () => {
    for (const log of logs) {
      for (const key of MACROS) {
        const sum = (log.meals ?? []).reduce((t, m) => t + (m.macros[key] ?? 0), 0);
        expect(log.summary?.macros?.[key]).toBeCloseTo(sum, 6);
      }
    }
  });

  it('derives calories from macros (4 kcal/g protein and carbohydrate, 9 fat, 7 alcohol)', () => {
    for (const log of logs) {
      for (const m of [...(log.meals ?? []).map((x) => x.macros), log.summary?.macros]) {
        const kcal =
          4 * (m?.protein_g ?? 0) +
          4 * (m?.carbohydrates_g ?? 0) +
          9 * (m?.fat_g ?? 0) +
          7 * (m?.alcohol_g ?? 0);
        expect(m?.calories).toBeCloseTo(kcal, 6);
      }
    }
  });

  it("lands near the persona's intake target and counts water drinks into water_ml", () => {
    const target = personaOf(ctx).intakeCalories;
    const average = logs.reduce((t, l) => t + (l.summary?.macros?.calories ?? 0), 0) / logs.length;
    expect(average).toBeGreaterThan(target * 0.75);
    expect(average).toBeLessThan(target * 1.25);
    for (const log of logs) {
      const water = (log.drink_samples ?? []).filter((d) => d.drink_name === 'Water');
      expect(log.summary?.water_ml).toBe(water.reduce((t, d) => t + (d.drink_volume ?? 0), 0));
    }
  });

  it('keeps meals and summary but drops drink samples when withSamples is false', () => {
    const [lean] = generateNutrition(ctx, logs[0]?.metadata.start_time.slice(0, 10) ?? '', {
      withSamples: false,
    });
    expect(lean?.drink_samples).toBeNull();
    expect(lean?.meals).toEqual(logs[0]?.meals);
    expect(lean?.summary).toEqual(logs[0]?.summary);
  });

  it('has no nutrition for wearables that do not log food', () => {
    expect(generateRange('nutrition', contextFor('ring', 'OURA'), '2026-03-01', '2026-03-08')).toEqual([]);
  });
});
