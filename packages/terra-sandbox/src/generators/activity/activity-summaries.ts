import type { HeartRateZoneData, METSample } from 'terra-ts';
import type { Persona } from '../world/persona.js';
import { average, maxOf } from '../world/series.js';
import type { ActivitySamples } from './activity-samples.js';
import { HEART_RATE_ZONES } from './heart-rate-zones.js';
import type { WorkoutTrace } from './workout-trace.js';

/** Average, highest and lowest heart rate of a workout, from its samples. */
export function heartRateSummary(
  persona: Persona,
  trace: WorkoutTrace,
): { avg: number; max: number; min: number } {
  let max = 0;
  let min = persona.maxHr;
  for (let i = 0; i < trace.count; i++) {
    const bpm = trace.heartRate[i] ?? 0;
    if (bpm > max) max = bpm;
    if (bpm < min) min = bpm;
  }
  return { avg: Math.round(average(trace.heartRate) * 10) / 10, max, min };
}

/** Terra's `hr_zone_data`: each zone's bounds (as % of max heart rate) and the seconds spent in it. */
export function zoneData(seconds: number[]): HeartRateZoneData[] {
  return HEART_RATE_ZONES.map((z) => ({
    zone: z.zone,
    name: z.name,
    start_percentage: z.start,
    end_percentage: z.end,
    duration_seconds: seconds[z.zone] ?? 0,
  }));
}

/** Gain, loss, lowest, highest and mean elevation from elevation samples; null without any. */
export function elevationSummary(elevation: Float64Array | null) {
  if (!elevation || elevation.length === 0) return null;
  let gain = 0;
  let loss = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < elevation.length; i++) {
    const e = elevation[i] ?? 0;
    if (i > 0) {
      const delta = e - (elevation[i - 1] ?? e);
      if (delta > 0) gain += delta;
      else loss -= delta;
    }
    if (e < min) min = e;
    if (e > max) max = e;
  }
  return {
    gain_actual_meters: Math.round(gain * 10) / 10,
    loss_actual_meters: Math.round(loss * 10) / 10,
    min_meters: min,
    max_meters: max,
    avg_meters: Math.round(average(elevation) * 10) / 10,
    gain_planned_meters: null,
  };
}

/** MET summary: mean level and minutes in each intensity band (<1.5, <3, <6, 6+ MET). */
export function metSummary(met: Float64Array, samples: METSample[] | null) {
  let inactive = 0;
  let low = 0;
  let moderate = 0;
  let high = 0;
  for (let i = 0; i < met.length; i++) {
    const level = met[i] ?? 0;
    if (level < 1.5) inactive++;
    else if (level < 3) low++;
    else if (level < 6) moderate++;
    else high++;
  }
  return {
    avg_level: Math.round(average(met) * 10) / 10,
    num_inactive_minutes: inactive,
    num_low_intensity_minutes: low,
    num_moderate_intensity_minutes: moderate,
    num_high_intensity_minutes: high,
    MET_samples: samples ?? null,
  };
}

/** Speed, pace and cadence summary of a workout (speed and pace from distance over elapsed time). */
export function movementSummary(
  trace: WorkoutTrace,
  distance: number | null,
  durationSeconds: number,
  samples: ActivitySamples | null,
) {
  const avgSpeed = distance === null ? null : distance / durationSeconds;
  const maxSpeed = trace.speed ? maxOf(trace.speed) : null;
  return {
    avg_speed_meters_per_second: avgSpeed === null ? null : Math.round(avgSpeed * 100) / 100,
    max_speed_meters_per_second: maxSpeed,
    avg_velocity_meters_per_second: avgSpeed === null ? null : Math.round(avgSpeed * 100) / 100,
    max_velocity_meters_per_second: maxSpeed,
    avg_pace_minutes_per_kilometer: avgSpeed ? Math.round((1000 / avgSpeed / 60) * 100) / 100 : null,
    max_pace_minutes_per_kilometer: maxSpeed ? Math.round((1000 / maxSpeed / 60) * 100) / 100 : null,
    avg_cadence_rpm: trace.cadence ? Math.round(average(trace.cadence) * 10) / 10 : null,
    max_cadence_rpm: trace.cadence ? maxOf(trace.cadence) : null,
    speed_samples: samples?.speed ?? null,
    cadence_samples: samples?.cadence ?? null,
    torque_samples: null,
  };
}
