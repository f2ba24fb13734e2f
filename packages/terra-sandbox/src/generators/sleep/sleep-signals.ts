import { clamp } from '../world/numbers.js';
import type { Persona } from '../world/persona.js';
import type { Random } from '../world/random.js';
import { SleepLevel } from './hypnogram.js';

/** Minutes between sleep heart-rate samples. */
export const SLEEP_HR_MINUTES = 1;
/** Minutes between sleep HRV, breathing and SpO2 samples. */
export const SLEEP_SLOW_MINUTES = 5;

/** Overnight physiology sampled from the hypnogram. */
export interface SleepSignals {
  /** Whole bpm per minute. */
  readonly heartRate: Float64Array;
  /** RMSSD (ms) per 5 minutes. */
  readonly hrv: Float64Array;
  /** Breaths per minute, per 5 minutes. */
  readonly breaths: Float64Array;
  /** Blood oxygen saturation (%), per 5 minutes. */
  readonly spo2: Float64Array;
}

/**
 * Heart rate falls through the night (lowest in deep sleep, higher and jumpier in REM, up when
 * awake); HRV is highest in deep sleep; breathing is slow and even in deep sleep, faster in REM.
 */
export function simulateSleepSignals(
  persona: Persona,
  levels: Uint8Array,
  epochSeconds: number,
  nightHrvFactor: number,
  rng: Random,
): SleepSignals {
  const epochsPerMinute = 60 / epochSeconds;
  const minutes = Math.floor(levels.length / epochsPerMinute);
  const heartRate = new Float64Array(minutes);
  let hr = persona.restingHr + 4;
  for (let m = 0; m < minutes; m++) {
    const level = levels[m * epochsPerMinute] ?? SleepLevel.LIGHT;
    const progress = m / Math.max(1, minutes);
    const dip = -4 * Math.sin(Math.PI * Math.min(1, progress * 1.3));
    const target = persona.restingHr - 2 + dip + stageHeartRate(level, rng);
    hr += (target - hr) * 0.35;
    heartRate[m] = Math.round(clamp(hr + rng.normal(0, 0.8), persona.restingHr - 14, persona.restingHr + 35));
  }
  const slow = Math.max(1, Math.floor(minutes / SLEEP_SLOW_MINUTES));
  const hrv = new Float64Array(slow);
  const breaths = new Float64Array(slow);
  const spo2 = new Float64Array(slow);
  for (let k = 0; k < slow; k++) {
    const level = levels[k * SLEEP_SLOW_MINUTES * epochsPerMinute] ?? SleepLevel.LIGHT;
    const hrvStage =
      level === SleepLevel.DEEP
        ? 1.25
        : level === SleepLevel.REM
          ? 0.85
          : level === SleepLevel.AWAKE
            ? 0.7
            : 1;
    hrv[k] = Math.round(persona.hrvBaseline * nightHrvFactor * hrvStage * rng.normal(1, 0.08) * 10) / 10;
    const breathStage =
      level === SleepLevel.DEEP
        ? -0.8
        : level === SleepLevel.REM
          ? 0.9 + rng.normal(0, 0.7)
          : level === SleepLevel.AWAKE
            ? 1.6
            : 0;
    breaths[k] = Math.round((persona.breathingRate + breathStage + rng.normal(0, 0.3)) * 10) / 10;
    const dipInRem = level === SleepLevel.REM && rng.chance(0.2) ? rng.between(1, 2.5) : 0;
    spo2[k] = Math.round(clamp(rng.normal(96.6, 0.8) - dipInRem, 90, 100) * 10) / 10;
  }
  return { heartRate, hrv, breaths, spo2 };
}

function stageHeartRate(level: number, rng: Random): number {
  if (level === SleepLevel.DEEP) return -3;
  if (level === SleepLevel.REM) return 3 + rng.normal(0, 2);
  if (level === SleepLevel.AWAKE) return 9 + rng.normal(0, 2);
  return 0;
}
