import { clamp } from '../world/numbers.js';
import type { Random } from '../world/random.js';
import type { SessionShape } from './sports.js';

/**
 * Effort over a session, one value per sample, as a fraction of heart-rate reserve: a warm-up ramp,
 * the main set in the session's shape (steady, tempo block, intervals, gym sets, yoga flow) and a
 * cool-down. Heart rate, speed, power and cadence all follow this curve.
 */
export function buildEffort(
  shape: SessionShape,
  count: number,
  effort: number,
  sampleSeconds: number,
  rng: Random,
): Float64Array {
  const out = new Float64Array(count);
  const perMinute = 60 / sampleSeconds;
  const warmup = Math.min(Math.round(count * 0.12), Math.round(10 * perMinute));
  const cooldown = Math.min(Math.round(count * 0.08), Math.round(8 * perMinute));
  const mainEnd = count - cooldown;
  fillMain(out, shape, warmup, mainEnd, effort, perMinute, rng);
  const start = 0.2;
  const warmTarget = out[warmup] ?? effort;
  for (let i = 0; i < warmup; i++) out[i] = start + ((warmTarget - start) * i) / warmup;
  const coolFrom = out[mainEnd - 1] ?? effort;
  for (let i = mainEnd; i < count; i++)
    out[i] = coolFrom + ((0.22 - coolFrom) * (i - mainEnd + 1)) / cooldown;
  for (let i = 0; i < count; i++) out[i] = clamp(out[i] ?? 0, 0.05, 0.97);
  return out;
}

function fillMain(
  out: Float64Array,
  shape: SessionShape,
  from: number,
  to: number,
  effort: number,
  perMinute: number,
  rng: Random,
): void {
  const length = Math.max(1, to - from);
  let wander = 0;
  const phase = rng.between(0, Math.PI * 2);
  let i = from;
  while (i < to) {
    if (shape === 'intervals' || shape === 'circuit') {
      const work = shape === 'intervals' ? rng.int(2, 5) * perMinute : rng.int(3, 5) * (perMinute / 4);
      const rest = shape === 'intervals' ? rng.int(1, 3) * perMinute : rng.int(4, 8) * (perMinute / 4);
      const workLevel = effort + (shape === 'intervals' ? 0.2 : 0.1);
      const restLevel = effort - (shape === 'intervals' ? 0.18 : 0.22);
      for (let k = 0; k < work && i < to; k++, i++) out[i] = workLevel + rng.normal(0, 0.01);
      for (let k = 0; k < rest && i < to; k++, i++) out[i] = restLevel + rng.normal(0, 0.01);
      continue;
    }
    const progress = (i - from) / length;
    wander = clamp(wander + rng.normal(0, 0.004), -0.04, 0.04);
    let level = effort + wander;
    if (shape === 'tempo' && progress > 0.25 && progress < 0.75) level += 0.13;
    if (shape === 'long') level += -0.03 + 0.06 * progress;
    if (shape === 'flow') level += 0.06 * Math.sin(phase + progress * 12);
    out[i] = level;
    i++;
  }
}
