import type { Activity } from 'terra-ts';
import { buildActivitySamples } from './activity-samples.js';
import {
  elevationSummary,
  heartRateSummary,
  metSummary,
  movementSummary,
  zoneData,
} from './activity-summaries.js';
import { formatDay, parseDay } from './calendar.js';
import { type GenerateOptions, type GeneratorContext, readWithSamples } from './context.js';
import { deviceDataOf } from './device.js';
import { secondsPerZone } from './heart-rate-zones.js';
import { splitLaps } from './laps.js';
import { type Persona, personaOf } from './persona.js';
import { encodePolyline } from './polyline.js';
import { createRandom } from './random.js';
import { traceRoute } from './route.js';
import { average, maxOf, sum } from './series.js';
import { TimestampFormatter } from './timestamps.js';
import { normalizedPower, strainOf, trimpOf } from './training-load.js';
import { sumRounded, workoutMinutes } from './workout-minutes.js';
import { planWorkouts, type WorkoutPlan } from './workout-plan.js';
import { traceWorkout, WORKOUT_SAMPLE_SECONDS, type WorkoutTrace } from './workout-trace.js';

/**
 * The workouts a user recorded on a local day (`YYYY-MM-DD`): none on rest days, usually one,
 * sometimes two. Each carries heart rate that follows the session's effort, and, by sport, speed,
 * cadence, power, a GPS loop from home, laps, and summaries computed from those samples.
 *
 * @example
 * generateActivity({ seed: 1, user }, '2026-03-01', { withSamples: true });
 */
export function generateActivity(
  ctx: GeneratorContext,
  day: string,
  opts?: Partial<GenerateOptions>,
): Activity[] {
  const dayNumber = parseDay(day);
  const withSamples = readWithSamples(opts);
  const persona = personaOf(ctx);
  if (!persona.profile.dataTypes.includes('activity')) return [];
  return planWorkouts(ctx, persona, dayNumber).map((plan) => buildActivity(ctx, persona, plan, withSamples));
}

function buildActivity(
  ctx: GeneratorContext,
  persona: Persona,
  plan: WorkoutPlan,
  withSamples: boolean,
): Activity {
  const trace = traceWorkout(ctx, persona, plan);
  const fmt = new TimestampFormatter(persona.offsetMinutes);
  const { sport, startSeconds, durationSeconds } = plan;
  const routeRng = createRandom(
    ctx.seed,
    persona.userId,
    formatDay(plan.dayNumber),
    'route',
    String(plan.index),
  );
  const route =
    sport.outdoor && trace.distance
      ? traceRoute(persona.homeLat, persona.homeLng, trace.distance, routeRng)
      : null;
  const minutes = workoutMinutes(persona, trace);
  const samples = withSamples ? buildActivitySamples(trace, minutes, route, startSeconds, fmt) : null;
  const hr = heartRateSummary(persona, trace);
  const zones = secondsPerZone(trace.heartRate, persona.maxHr, WORKOUT_SAMPLE_SECONDS);
  const totalCalories = sumRounded(minutes.calories);
  const bmrCalories = Math.round(((persona.weightKg * 24) / 86_400) * durationSeconds * 100) / 100;
  const distance = trace.distance ? (trace.distance[trace.count - 1] ?? 0) : null;
  const steps = trace.steps ? (trace.steps[trace.count - 1] ?? 0) : null;
  const elevation = elevationSummary(trace.elevation);
  const trimp = trimpOf(persona, trace.heartRate);
  const np = trace.power ? normalizedPower(trace.power) : 0;
  const hours = durationSeconds / 3600;
  const intensityFactor = np / persona.ftpWatts;
  const lowSeconds = (zones[1] ?? 0) + (zones[2] ?? 0);
  const vigorousSeconds = (zones[4] ?? 0) + (zones[5] ?? 0);
  return {
    metadata: {
      summary_id: plan.summaryId,
      name: `${partOfDay(plan.startMinutes)} ${sport.label}`,
      type: sport.activityType,
      upload_type: 1,
      start_time: fmt.format(startSeconds),
      end_time: fmt.format(startSeconds + durationSeconds),
      city: sport.outdoor ? persona.home.city : null,
      state: sport.outdoor ? persona.home.state : null,
      country: sport.outdoor ? persona.home.country : null,
      timestamp_localization: 1,
    },
    active_durations_data: {
      activity_seconds: lowSeconds + (zones[3] ?? 0) + vigorousSeconds,
      rest_seconds: zones[0] ?? 0,
      inactivity_seconds: 0,
      low_intensity_seconds: lowSeconds,
      moderate_intensity_seconds: zones[3] ?? 0,
      vigorous_intensity_seconds: vigorousSeconds,
      num_continuous_inactive_periods: 0,
      activity_levels_samples: null,
    },
    calories_data: {
      total_burned_calories: totalCalories,
      BMR_calories: bmrCalories,
      net_activity_calories: Math.round((totalCalories - bmrCalories) * 100) / 100,
      net_intake_calories: null,
      calorie_samples: samples?.calories ?? null,
    },
    cheat_detection: 0,
    data_enrichment: {
      trimp_score: Math.round(trimp * 10) / 10,
      strain_score: Math.round(strainOf(trimp) * 10) / 10,
      trimp_contributors: { duration_minutes: durationSeconds / 60, avg_hr_bpm: hr.avg },
    },
    device_data: deviceDataOf(persona),
    distance_data: {
      summary: {
        distance_meters: distance,
        steps,
        floors_climbed:
          elevation && sport.locomotion === 'foot' ? Math.floor(elevation.gain_actual_meters / 3) : null,
        elevation,
        swimming:
          sport.locomotion === 'swim' && distance !== null
            ? { num_laps: Math.floor(distance / 25), pool_length_meters: 25, num_strokes: strokesOf(trace) }
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
    },
    energy_data: {
      energy_kilojoules: Math.round(totalCalories * 4.184 * 10) / 10,
      energy_planned_kilojoules: null,
    },
    heart_rate_data: {
      summary: {
        avg_hr_bpm: hr.avg,
        max_hr_bpm: hr.max,
        min_hr_bpm: hr.min,
        resting_hr_bpm: persona.restingHr,
        user_max_hr_bpm: persona.maxHr,
        avg_hrv_rmssd: null,
        avg_hrv_sdnn: null,
        hr_zone_data: zoneData(zones),
      },
      detailed: samples ? { hr_samples: samples.hr, hrv_samples_rmssd: null, hrv_samples_sdnn: null } : null,
    },
    lap_data: { laps: splitLaps(trace, sport, startSeconds, fmt) },
    MET_data: metSummary(minutes.met, samples?.met ?? null),
    movement_data: movementSummary(trace, distance, durationSeconds, samples),
    oxygen_data: {
      vo2max_ml_per_min_per_kg: persona.vo2max,
      avg_saturation_percentage: null,
      saturation_samples: null,
      vo2_samples: null,
    },
    polyline_map_data: route ? { summary_polyline: encodePolyline(route.lat, route.lng, 6) } : null,
    position_data: route
      ? {
          start_pos_lat_lng_deg: [route.lat[0] ?? 0, route.lng[0] ?? 0],
          end_pos_lat_lng_deg: [route.lat[trace.count - 1] ?? 0, route.lng[trace.count - 1] ?? 0],
          center_pos_lat_lng_deg: centreOf(route.lat, route.lng),
          position_samples: samples?.position ?? null,
        }
      : null,
    power_data: trace.power
      ? {
          avg_watts: Math.round(average(trace.power)),
          max_watts: maxOf(trace.power),
          power_samples: samples?.power ?? null,
        }
      : null,
    strain_data: { strain_level: Math.round(strainOf(trimp) * 10) / 10 },
    TSS_data:
      trace.power && sport.locomotion === 'bike'
        ? {
            TSS_samples: [
              {
                actual: Math.round(hours * intensityFactor * intensityFactor * 100 * 10) / 10,
                intensity_factor_actual: Math.round(intensityFactor * 100) / 100,
                normalized_power_watts: Math.round(np),
                method: 'Power',
                planned: null,
                intensity_factor_planned: null,
              },
            ],
          }
        : null,
    work_data: trace.power
      ? { work_kilojoules: Math.round((sum(trace.power) * WORKOUT_SAMPLE_SECONDS) / 100) / 10 }
      : null,
  };
}

function partOfDay(minutes: number): string {
  if (minutes < 12 * 60) return 'Morning';
  if (minutes < 14 * 60) return 'Lunch';
  if (minutes < 18 * 60) return 'Afternoon';
  return 'Evening';
}

function strokesOf(trace: WorkoutTrace): number {
  return trace.cadence ? Math.round((sum(trace.cadence) * WORKOUT_SAMPLE_SECONDS) / 60) : 0;
}

function centreOf(lat: Float64Array, lng: Float64Array): number[] {
  return [Math.round(average(lat) * 1e6) / 1e6, Math.round(average(lng) * 1e6) / 1e6];
}
