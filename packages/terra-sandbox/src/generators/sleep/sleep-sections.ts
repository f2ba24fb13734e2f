import type { HeartRateDataSample, Sleep, SleepHypnogramSample } from 'terra-ts';
import type { Persona } from '../world/persona.js';
import { average, maxOf, minOf, type Series } from '../world/series.js';
import type { TimestampFormatter } from '../world/timestamps.js';
import { runsOf } from './hypnogram.js';
import { SLEEP_EPOCH_SECONDS } from './night-plan.js';
import type { SleepSession } from './sleep-session.js';
import { SLEEP_HR_MINUTES, SLEEP_SLOW_MINUTES } from './sleep-signals.js';

type Section<K extends keyof Sleep> = NonNullable<Sleep[K]>;

/** Stage durations (asleep = light + deep + REM, in bed = asleep + awake), events and the hypnogram. */
export function sleepDurationsOf(
  session: SleepSession,
  fmt: TimestampFormatter,
  withSamples: boolean,
): Section<'sleep_durations_data'> {
  const { stats } = session;
  const asleep = stats.lightSeconds + stats.deepSeconds + stats.remSeconds;
  const inBed = asleep + stats.awakeSeconds;
  return {
    asleep: {
      duration_asleep_state_seconds: asleep,
      duration_light_sleep_state_seconds: stats.lightSeconds,
      duration_deep_sleep_state_seconds: stats.deepSeconds,
      duration_REM_sleep_state_seconds: stats.remSeconds,
      num_REM_events: stats.remEvents,
    },
    awake: {
      duration_awake_state_seconds: stats.awakeSeconds,
      duration_short_interruption_seconds: stats.shortInterruptionSeconds,
      duration_long_interruption_seconds: stats.longInterruptionSeconds,
      num_wakeup_events: stats.wakeUpEvents,
      num_out_of_bed_events: stats.longInterruptionSeconds > 0 ? 1 : 0,
      sleep_latency_seconds: stats.latencySeconds,
      wake_up_latency_seconds: stats.wakeUpLatencySeconds,
    },
    other: { duration_in_bed_seconds: inBed, duration_unmeasurable_sleep_seconds: 0 },
    sleep_efficiency: inBed === 0 ? 0 : Math.round((asleep / inBed) * 1000) / 10,
    hypnogram_samples: withSamples ? hypnogramSamples(session, fmt) : null,
  };
}

/** Overnight heart rate and HRV, summarised from their samples; resting rate is the night's lowest. */
export function sleepHeartRateOf(
  persona: Persona,
  session: SleepSession,
  fmt: TimestampFormatter,
  withSamples: boolean,
): Section<'heart_rate_data'> {
  const { plan, signals } = session;
  return {
    summary: {
      avg_hr_bpm: Math.round(average(signals.heartRate) * 10) / 10,
      max_hr_bpm: maxOf(signals.heartRate),
      min_hr_bpm: minOf(signals.heartRate),
      resting_hr_bpm: minOf(signals.heartRate),
      user_max_hr_bpm: persona.maxHr,
      avg_hrv_rmssd: Math.round(average(signals.hrv) * 10) / 10,
      avg_hrv_sdnn: null,
      hr_zone_data: null,
    },
    detailed: withSamples
      ? {
          hr_samples: heartRateSamples(signals.heartRate, plan.startSeconds, fmt),
          hrv_samples_rmssd: slowSamples(signals.hrv, plan.startSeconds, fmt, (timestamp, hrv_rmssd) => ({
            timestamp,
            hrv_rmssd,
          })),
          hrv_samples_sdnn: null,
        }
      : null,
  };
}

/** Breathing rate, blood oxygen and (for snorers) snoring over the session. */
export function respirationOf(
  persona: Persona,
  session: SleepSession,
  fmt: TimestampFormatter,
  withSamples: boolean,
): Section<'respiration_data'> {
  const { plan, signals } = session;
  const start = fmt.format(plan.startSeconds);
  const end = fmt.format(plan.endSeconds);
  return {
    breaths_data: {
      start_time: start,
      end_time: end,
      avg_breaths_per_min: Math.round(average(signals.breaths) * 10) / 10,
      min_breaths_per_min: minOf(signals.breaths),
      max_breaths_per_min: maxOf(signals.breaths),
      on_demand_reading: false,
      samples: withSamples
        ? slowSamples(signals.breaths, plan.startSeconds, fmt, (timestamp, breaths_per_min) => ({
            timestamp,
            breaths_per_min,
          }))
        : null,
    },
    oxygen_saturation_data: {
      start_time: start,
      end_time: end,
      avg_saturation_percentage: Math.round(average(signals.spo2) * 10) / 10,
      samples: withSamples
        ? slowSamples(signals.spo2, plan.startSeconds, fmt, (timestamp, percentage) => ({
            timestamp,
            percentage,
            type: 0,
          }))
        : null,
    },
    snoring_data: persona.snores
      ? {
          start_time: start,
          end_time: end,
          num_snoring_events: session.snoringEvents,
          total_snoring_duration_seconds: session.snoringEvents * 45,
          samples: null,
        }
      : null,
  };
}

function hypnogramSamples(session: SleepSession, fmt: TimestampFormatter): SleepHypnogramSample[] {
  return runsOf(session.levels).map((run) => ({
    timestamp: fmt.format(session.plan.startSeconds + run.start * SLEEP_EPOCH_SECONDS),
    level: run.level,
  }));
}

function heartRateSamples(
  heartRate: Float64Array,
  startSeconds: number,
  fmt: TimestampFormatter,
): HeartRateDataSample[] {
  const out: HeartRateDataSample[] = new Array(heartRate.length);
  for (let m = 0; m < heartRate.length; m++) {
    const offset = m * SLEEP_HR_MINUTES * 60;
    out[m] = { timestamp: fmt.format(startSeconds + offset), bpm: heartRate[m], context: 2 };
  }
  return out;
}

function slowSamples<T>(
  values: Series,
  startSeconds: number,
  fmt: TimestampFormatter,
  make: (timestamp: string, value: number) => T,
): T[] {
  const out: T[] = new Array(values.length);
  for (let k = 0; k < values.length; k++) {
    out[k] = make(fmt.format(startSeconds + k * SLEEP_SLOW_MINUTES * 60), values[k] ?? 0);
  }
  return out;
}
