import { cycleTemperatureShift } from '../menstruation/menstrual-cycle.js';
import { formatDay } from '../world/calendar.js';
import type { GeneratorContext } from '../world/context.js';
import { clamp } from '../world/numbers.js';
import type { Persona } from '../world/persona.js';
import { createRandom } from '../world/random.js';
import { average } from '../world/series.js';
import { buildHypnogram, type HypnogramStats, hypnogramStats } from './hypnogram.js';
import { SLEEP_EPOCH_SECONDS, type SleepPlan } from './night-plan.js';
import { type SleepSignals, simulateSleepSignals } from './sleep-signals.js';

/** A simulated sleep session: stages, physiology and the scores derived from them. */
export interface SleepSession {
  readonly plan: SleepPlan;
  readonly levels: Uint8Array;
  readonly stats: HypnogramStats;
  readonly signals: SleepSignals;
  readonly sleepScore: number;
  readonly readiness: number;
  readonly temperatureDelta: number;
  readonly snoringEvents: number;
}

/** Simulates a planned session. Deterministic per (seed, user, key day, night or nap). */
export function simulateSleep(ctx: GeneratorContext, persona: Persona, plan: SleepPlan): SleepSession {
  const rng = createRandom(
    ctx.seed,
    persona.userId,
    formatDay(plan.keyDay),
    plan.isNap ? 'nap-stages' : 'night-stages',
  );
  const epochs = (plan.endSeconds - plan.startSeconds) / SLEEP_EPOCH_SECONDS;
  const levels = buildHypnogram(epochs, plan.isNap, rng);
  const stats = hypnogramStats(levels, SLEEP_EPOCH_SECONDS);
  const hrvFactor = clamp(rng.normal(1, 0.12), 0.65, 1.35);
  const signals = simulateSleepSignals(persona, levels, SLEEP_EPOCH_SECONDS, hrvFactor, rng);
  const asleep = stats.lightSeconds + stats.deepSeconds + stats.remSeconds;
  const inBed = asleep + stats.awakeSeconds;
  const efficiency = inBed === 0 ? 0 : asleep / inBed;
  const need = persona.sleepNeedMinutes * 60;
  const durationRatio = Math.min(1, asleep / need);
  const sleepScore = Math.round(
    clamp(
      100 *
        (0.4 * durationRatio ** 1.5 +
          0.2 * clamp((efficiency - 0.75) / 0.22, 0, 1) +
          0.15 * Math.min(1, stats.deepSeconds / Math.max(1, asleep) / 0.2) +
          0.15 * Math.min(1, stats.remSeconds / Math.max(1, asleep) / 0.24) +
          0.1 * (1 - Math.min(1, stats.wakeUpEvents / 6))),
      0,
      100,
    ),
  );
  const hrvRatio = average(signals.hrv) / persona.hrvBaseline;
  const readiness = Math.round(
    clamp(0.45 * sleepScore + 50 * clamp(hrvRatio, 0.6, 1.35) - 12 + rng.normal(0, 3), 1, 100),
  );
  const localDay = plan.keyDay + (plan.isNap ? 0 : 1);
  return {
    plan,
    levels,
    stats,
    signals,
    sleepScore,
    readiness,
    temperatureDelta: temperatureDeltaOf(ctx, persona, localDay, rng.normal(0, 0.12)),
    snoringEvents: persona.snores && !plan.isNap ? rng.int(0, 25) : 0,
  };
}

/** Terra's RecoveryLevel (1 very poor ... 6 very good) for a readiness score. */
export function recoveryLevelOf(readiness: number): number {
  if (readiness >= 85) return 6;
  if (readiness >= 70) return 5;
  if (readiness >= 55) return 4;
  if (readiness >= 40) return 3;
  if (readiness >= 25) return 2;
  return 1;
}

/**
 * Skin temperature against the persona's baseline. The baseline averages the whole cycle, so a
 * cycling persona reads ~0.15 °C below it before ovulation and ~0.15 °C above it after.
 */
function temperatureDeltaOf(ctx: GeneratorContext, persona: Persona, day: number, noise: number): number {
  const centred = persona.cycle ? cycleTemperatureShift(ctx, persona, day) - 0.15 : 0;
  return Math.round((noise + centred) * 100) / 100;
}
