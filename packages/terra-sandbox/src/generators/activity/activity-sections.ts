import type { Activity } from 'terra-ts';
import type { Persona } from '../world/persona.js';
import { average, maxOf, sum } from '../world/series.js';
import type { ActivitySamples } from './activity-samples.js';
import { elevationSummary, heartRateSummary, zoneData } from './activity-summaries.js';
import type { Route } from './route.js';
import type { Sport } from './sports.js';
import { normalizedPower } from './training-load.js';
import { WORKOUT_SAMPLE_SECONDS, type WorkoutTrace } from './workout-trace.js';

type Section<K extends keyof Activity> = NonNullable<Activity[K]>;

/** Time at each intensity, from heart-rate zones: zone 0 rest, 1-2 low, 3 moderate, 4-5 vigorous. */
export function activeDurationsOf(zones: readonly number[]): Section<'active_durations_data'> {
  const low = (zones[1] ?? 0) + (zones[2] ?? 0);
  const moderate = zones[3] ?? 0;
  const vigorous = (zones[4] ?? 0) + (zones[5] ?? 0);
  return {
    activity_seconds: low + moderate + vigorous,
    rest_seconds: zones[0] ?? 0,
    inactivity_seconds: 0,
    low_intensity_seconds: low,
    moderate_intensity_seconds: moderate,
    vigorous_intensity_seconds: vigorous,
    num_continuous_inactive_periods: 0,
    activity_levels_samples: null,
  };
}

/** Calories: the total (sum of the per-minute samples), the basal share of the session and the rest. */
export function caloriesDataOf(
  persona: Persona,
  totalCalories: number,
  durationSeconds: number,
  samples: ActivitySamples | null,
): Section<'calories_data'> {
  // Resting metabolism burns about 1 kcal per kg per hour.
  const bmr = Math.round(((persona.weightKg * 24) / 86_400) * durationSeconds * 100) / 100;
  return {
    total_burned_calories: totalCalories,
    BMR_calories: bmr,
    net_activity_calories: Math.round((totalCalories - bmr) * 100) / 100,
    net_intake_calories: null,
    calorie_samples: samples?.calories ?? null,
  };
}

/** Distance, steps, elevation (floors only on foot) and, in the pool, lengths and strokes. */
export function distanceDataOf(
  trace: WorkoutTrace,
  sport: Sport,
  samples: ActivitySamples | null,
): Section<'distance_data'> {
  const distance = trace.distance ? (trace.distance[trace.count - 1] ?? 0) : null;
  const elevation = elevationSummary(trace.elevation);
  const strokes = trace.cadence ? Math.round((sum(trace.cadence) * WORKOUT_SAMPLE_SECONDS) / 60) : 0;
  return {
    summary: {
      distance_meters: distance,
      steps: trace.steps ? (trace.steps[trace.count - 1] ?? 0) : null,
      floors_climbed:
        elevation && sport.locomotion === 'foot' ? Math.floor(elevation.gain_actual_meters / 3) : null,
      elevation,
      swimming:
        sport.locomotion === 'swim' && distance !== null
          ? { num_laps: Math.floor(distance / 25), pool_length_meters: 25, num_strokes: strokes }
          : null,
    },
    detailed: samples
      ? {
          distance_samples: samples.distance,
          step_samples: samples.steps,
          elevation_samples: samples.elevation,
          floors_climbed_samples: null,
        }
      : null,
  };
}

/** Heart-rate summary and zones computed from the samples, and the samples themselves. */
export function heartRateDataOf(
  persona: Persona,
  trace: WorkoutTrace,
  zones: readonly number[],
  samples: ActivitySamples | null,
): Section<'heart_rate_data'> {
  const hr = heartRateSummary(persona, trace);
  return {
    summary: {
      avg_hr_bpm: hr.avg,
      max_hr_bpm: hr.max,
      min_hr_bpm: hr.min,
      resting_hr_bpm: persona.restingHr,
      user_max_hr_bpm: persona.maxHr,
      avg_hrv_rmssd: null,
      avg_hrv_sdnn: null,
      hr_zone_data: zoneData([...zones]),
    },
    detailed: samples ? { hr_samples: samples.hr, hrv_samples_rmssd: null, hrv_samples_sdnn: null } : null,
  };
}

/** Start, end and centre of the GPS track, and the track. */
export function positionDataOf(route: Route, samples: ActivitySamples | null): Section<'position_data'> {
  const last = route.lat.length - 1;
  return {
    start_pos_lat_lng_deg: [route.lat[0] ?? 0, route.lng[0] ?? 0],
    end_pos_lat_lng_deg: [route.lat[last] ?? 0, route.lng[last] ?? 0],
    center_pos_lat_lng_deg: [
      Math.round(average(route.lat) * 1e6) / 1e6,
      Math.round(average(route.lng) * 1e6) / 1e6,
    ],
    position_samples: samples?.position ?? null,
  };
}

/** Power, work and (on a bike) training stress from normalized power against the persona's FTP. */
export function powerDataOf(
  persona: Persona,
  trace: WorkoutTrace,
  sport: Sport,
  durationSeconds: number,
  samples: ActivitySamples | null,
): Pick<Activity, 'power_data' | 'TSS_data' | 'work_data'> {
  if (!trace.power) return { power_data: null, TSS_data: null, work_data: null };
  const np = normalizedPower(trace.power);
  const intensityFactor = np / persona.ftpWatts;
  const hours = durationSeconds / 3600;
  return {
    power_data: {
      avg_watts: Math.round(average(trace.power)),
      max_watts: maxOf(trace.power),
      power_samples: samples?.power ?? null,
    },
    TSS_data:
      sport.locomotion === 'bike'
        ? {
            TSS_samples: [
              {
                actual: Math.round(hours * intensityFactor * intensityFactor * 1000) / 10,
                intensity_factor_actual: Math.round(intensityFactor * 100) / 100,
                normalized_power_watts: Math.round(np),
                method: 'Power',
                planned: null,
                intensity_factor_planned: null,
              },
            ],
          }
        : null,
    work_data: { work_kilojoules: Math.round((sum(trace.power) * WORKOUT_SAMPLE_SECONDS) / 100) / 10 },
  };
}
