import type { Random } from '../world/random.js';

/** Terra's SleepLevel values used in hypnograms. */
export const SleepLevel = { AWAKE: 1, LIGHT: 4, DEEP: 5, REM: 6 } as const;

/**
 * Draws a night's stages, one level per 30-second epoch: sleep latency awake, then ~90-minute
 * cycles of light, deep, light and REM sleep (deep sleep front-loaded, REM growing towards
 * morning), brief awakenings between cycles, and a few minutes awake before getting up.
 * Naps are short: latency, light sleep, a little deep sleep when long enough.
 */
export function buildHypnogram(epochs: number, isNap: boolean, rng: Random): Uint8Array {
  const levels = new Uint8Array(epochs).fill(SleepLevel.LIGHT);
  const perMinute = 2;
  const latency = Math.min(epochs, Math.round(rng.between(isNap ? 3 : 5, isNap ? 9 : 22) * perMinute));
  const wakeUp = Math.min(epochs - latency, Math.round(rng.between(1, isNap ? 3 : 9) * perMinute));
  levels.fill(SleepLevel.AWAKE, 0, latency);
  levels.fill(SleepLevel.AWAKE, epochs - wakeUp, epochs);
  const end = epochs - wakeUp;
  if (isNap) {
    const napLength = end - latency;
    if (napLength > 35 * perMinute) {
      const deepFrom = latency + Math.round(napLength * 0.45);
      levels.fill(SleepLevel.DEEP, deepFrom, deepFrom + Math.round(napLength * rng.between(0.1, 0.25)));
    }
    return levels;
  }
  let at = latency;
  for (let cycle = 0; at < end; cycle++) {
    let length = Math.round(rng.normal(92, 9) * perMinute);
    // The last cycle stretches or shrinks to end at waking, so the morning's long REM is not cut off.
    if (end - at - length < 45 * perMinute) length = end - at;
    let rem = Math.round(remMinutes(cycle, rng) * perMinute);
    let deep = Math.round(deepMinutes(cycle, rng) * perMinute);
    const minLight = Math.min(6 * perMinute, Math.floor(length / 3));
    if (deep + rem + minLight > length) {
      deep = Math.max(0, Math.min(deep, length - rem - minLight));
      rem = Math.max(0, Math.min(rem, length - deep - minLight));
    }
    const light = Math.max(minLight, length - deep - rem);
    const lightBefore = Math.round(light * 0.6);
    let i = at + lightBefore;
    levels.fill(SleepLevel.DEEP, Math.min(i, end), Math.min(i + deep, end));
    i += deep + (light - lightBefore);
    levels.fill(SleepLevel.REM, Math.min(i, end), Math.min(i + rem, end));
    i += rem;
    if (i < end && rng.chance(0.55)) {
      // A brief arousal at the cycle boundary; occasionally a longer spell awake.
      const awake = Math.round((rng.chance(0.15) ? rng.between(5, 18) : rng.between(0.5, 3.5)) * perMinute);
      levels.fill(SleepLevel.AWAKE, i, Math.min(i + awake, end));
      i += awake;
    }
    at = i;
  }
  return levels;
}

function deepMinutes(cycle: number, rng: Random): number {
  if (cycle === 0) return rng.between(22, 40);
  if (cycle === 1) return rng.between(14, 28);
  if (cycle === 2) return rng.between(4, 14);
  return rng.between(0, 4);
}

function remMinutes(cycle: number, rng: Random): number {
  if (cycle === 0) return rng.between(5, 12);
  if (cycle === 1) return rng.between(12, 20);
  if (cycle === 2) return rng.between(18, 28);
  return rng.between(24, 40);
}

/** Seconds per level and the events Terra counts, computed from a hypnogram. */
export interface HypnogramStats {
  readonly awakeSeconds: number;
  readonly lightSeconds: number;
  readonly deepSeconds: number;
  readonly remSeconds: number;
  readonly latencySeconds: number;
  readonly wakeUpLatencySeconds: number;
  readonly wakeUpEvents: number;
  readonly remEvents: number;
  readonly shortInterruptionSeconds: number;
  readonly longInterruptionSeconds: number;
}

/** Tallies a hypnogram. Interruptions are awake runs between falling asleep and the final awakening. */
export function hypnogramStats(levels: Uint8Array, epochSeconds: number): HypnogramStats {
  const counts = [0, 0, 0, 0, 0, 0, 0];
  for (let i = 0; i < levels.length; i++) counts[levels[i] ?? 0] = (counts[levels[i] ?? 0] ?? 0) + 1;
  const runs = runsOf(levels);
  const first = runs[0];
  const last = runs[runs.length - 1];
  const latency = first && first.level === SleepLevel.AWAKE ? first.length : 0;
  const wakeUp = last && last !== first && last.level === SleepLevel.AWAKE ? last.length : 0;
  let wakeUpEvents = 0;
  let remEvents = 0;
  let short = 0;
  let long = 0;
  for (let r = 0; r < runs.length; r++) {
    const run = runs[r];
    if (!run) continue;
    if (run.level === SleepLevel.REM) remEvents++;
    if (run.level === SleepLevel.AWAKE && r > 0 && r < runs.length - 1) {
      wakeUpEvents++;
      if (run.length * epochSeconds >= 300) long += run.length;
      else short += run.length;
    }
  }
  return {
    awakeSeconds: (counts[SleepLevel.AWAKE] ?? 0) * epochSeconds,
    lightSeconds: (counts[SleepLevel.LIGHT] ?? 0) * epochSeconds,
    deepSeconds: (counts[SleepLevel.DEEP] ?? 0) * epochSeconds,
    remSeconds: (counts[SleepLevel.REM] ?? 0) * epochSeconds,
    latencySeconds: latency * epochSeconds,
    wakeUpLatencySeconds: wakeUp * epochSeconds,
    wakeUpEvents,
    remEvents,
    shortInterruptionSeconds: short * epochSeconds,
    longInterruptionSeconds: long * epochSeconds,
  };
}

/** Consecutive runs of one level: where each starts (epoch index), its level and its length. */
export function runsOf(levels: Uint8Array): { start: number; level: number; length: number }[] {
  const runs: { start: number; level: number; length: number }[] = [];
  for (let i = 0; i < levels.length; i++) {
    const level = levels[i] ?? 0;
    const current = runs[runs.length - 1];
    if (current && current.level === level) current.length++;
    else runs.push({ start: i, level, length: 1 });
  }
  return runs;
}
