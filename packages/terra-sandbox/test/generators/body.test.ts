import { describe, expect, it } from 'vitest';
import { generateRange } from '../../src/generators/index.js';
import { contextFor, findUser } from './users.js';

describe('generateBody', () => {
  const scaleUser = findUser('WITHINGS', (p) => p.hasScale);
  const records = generateRange('body', scaleUser, '2026-01-01', '2026-04-01', { withSamples: true });
  const weighIns = records.flatMap((r) => r.measurements_data?.measurements ?? []);

  it('weighs a scale user on most mornings, with weight drifting slowly and BMI following it', () => {
    expect(weighIns.length).toBeGreaterThan(40);
    for (const m of weighIns) {
      const h = (m.height_cm ?? 0) / 100;
      expect(m.BMI).toBeCloseTo((m.weight_kg ?? 0) / (h * h), 1);
    }
    for (let i = 1; i < weighIns.length; i++) {
      expect(Math.abs((weighIns[i]?.weight_kg ?? 0) - (weighIns[i - 1]?.weight_kg ?? 0))).toBeLessThan(2);
    }
    const weights = weighIns.map((m) => m.weight_kg ?? 0);
    expect(Math.max(...weights) - Math.min(...weights)).toBeLessThan(8);
  });

  it('gives glucose users CGM readings every 15 minutes that rise after meals', () => {
    const cgm = contextFor('cgm', 'FREESTYLELIBRE');
    const [day] = generateRange('body', cgm, '2026-03-02', '2026-03-03', { withSamples: true });
    const samples = day?.glucose_data?.blood_glucose_samples ?? [];
    expect(samples.length).toBe(96);
    const values = samples.map((s) => s.blood_glucose_mg_per_dL ?? 0);
    const night = values.slice(4, 20);
    expect(Math.max(...values)).toBeGreaterThan(Math.max(...night) + 15);
    expect(day?.glucose_data?.day_avg_blood_glucose_mg_per_dL).toBeCloseTo(
      values.reduce((a, b) => a + b, 0) / values.length,
      0,
    );
    for (const s of samples) {
      const value = s.blood_glucose_mg_per_dL ?? 0;
      expect(s.glucose_level_flag).toBe(value > 180 ? 1 : value < 70 ? 2 : 0);
    }
  });

  it('keeps day averages but drops measurement lists when withSamples is false', () => {
    const lean = generateRange('body', scaleUser, '2026-01-01', '2026-04-01', { withSamples: false });
    expect(lean.length).toBe(records.length);
    lean.forEach((r, i) => {
      expect(r.measurements_data?.measurements ?? null).toBeNull();
      expect(r.measurements_data?.day_avg_weight_kg).toBe(records[i]?.measurements_data?.day_avg_weight_kg);
    });
  });
});
