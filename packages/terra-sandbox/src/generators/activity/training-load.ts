import type { Persona } from '../world/persona.js';
import { WORKOUT_SAMPLE_SECONDS } from './workout-trace.js';

/** Banister's TRIMP: minutes weighted by heart-rate reserve, exponentially (sex-specific constants). */
export function trimpOf(persona: Persona, heartRate: Float64Array): number {
  const { restingHr, maxHr, sex } = persona;
  const [a, b] = sex === 'male' ? [0.64, 1.92] : [0.86, 1.67];
  const minutes = WORKOUT_SAMPLE_SECONDS / 60;
  let trimp = 0;
  for (let i = 0; i < heartRate.length; i++) {
    const reserve = ((heartRate[i] ?? restingHr) - restingHr) / (maxHr - restingHr);
    trimp += minutes * reserve * a * Math.exp(b * reserve);
  }
  return trimp;
}

/** WHOOP-style strain (0-21) from TRIMP: saturating, so hard days approach but never pass 21. */
export function strainOf(trimp: number): number {
  return 21 * (1 - Math.exp(-trimp / 160));
}

/** Normalized power: the fourth-power mean of 30-second rolling averages of power. */
export function normalizedPower(power: Float64Array): number {
  const window = Math.max(1, Math.round(30 / WORKOUT_SAMPLE_SECONDS));
  let rolling = 0;
  let sum4 = 0;
  let n = 0;
  for (let i = 0; i < power.length; i++) {
    rolling += power[i] ?? 0;
    if (i >= window) rolling -= power[i - window] ?? 0;
    if (i >= window - 1) {
      const avg = rolling / window;
      sum4 += avg * avg * avg * avg;
      n++;
    }
  }
  return n === 0 ? 0 : (sum4 / n) ** 0.25;
}

/** Metabolic equivalent of an effort level (fraction of heart-rate reserve), via VO2 reserve. */
export function metOf(persona: Persona, effort: number): number {
  return (3.5 + effort * (persona.vo2max - 3.5)) / 3.5;
}
