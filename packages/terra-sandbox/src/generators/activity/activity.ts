import type { Activity } from 'terra-ts';
import { hasEnded } from '../world/as-of.js';
import { formatDay } from '../world/calendar.js';
import type { GenerateOptions, GeneratorContext } from '../world/context.js';
import { openDay } from '../world/day-request.js';
import { deviceDataOf } from '../world/device.js';
import type { Persona } from '../world/persona.js';
import { createRandom } from '../world/random.js';
import { TimestampFormatter } from '../world/timestamps.js';
import { buildActivitySamples } from './activity-samples.js';
import {
  activeDurationsOf,
  caloriesDataOf,
  distanceDataOf,
  heartRateDataOf,
  positionDataOf,
  powerDataOf,
} from './activity-sections.js';
import { heartRateSummary, metSummary, movementSummary } from './activity-summaries.js';
import { secondsPerZone } from './heart-rate-zones.js';
import { splitLaps } from './laps.js';
import { encodePolyline } from './polyline.js';
import { traceRoute } from './route.js';
import { strainOf, trimpOf } from './training-load.js';
import { sumRounded, workoutMinutes } from './workout-minutes.js';
import { planWorkouts, type WorkoutPlan } from './workout-plan.js';
import { traceWorkout, WORKOUT_SAMPLE_SECONDS } from './workout-trace.js';

/**
 * The workouts a user recorded on a local day (`YYYY-MM-DD`): none on rest days, usually one,
 * sometimes two. Each carries heart rate that follows the session's effort, and, by sport, speed,
 * cadence, power, a GPS loop from home, laps, and summaries computed from those samples.
 * With `now`, only the workouts that have ended by then (a wearable uploads a workout once it ends).
 *
 * @example
 * generateActivity({ seed: 1, user }, '2026-03-01', { withSamples: true });
 */
export function generateActivity(
  ctx: GeneratorContext,
  day: string,
  opts?: Partial<GenerateOptions>,
): Activity[] {
  const request = openDay(ctx, day, opts, 'activity');
  if (!request) return [];
  const { dayNumber, withSamples, now, persona } = request;
  return planWorkouts(ctx, persona, dayNumber)
    .filter((plan) => hasEnded(plan.startSeconds + plan.durationSeconds, now))
    .map((plan) => buildActivity(ctx, persona, plan, withSamples));
}

function buildActivity(
  ctx: GeneratorContext,
  persona: Persona,
  plan: WorkoutPlan,
  withSamples: boolean,
): Activity {
  const trace = traceWorkout(ctx, persona, plan);
  const fmt = new TimestampFormatter(persona.timeZone);
  const { sport, startSeconds, durationSeconds } = plan;
  const routeRng = createRandom(
    ctx.seed,
    persona.userId,
    formatDay(plan.dayNumber),
    'route',
    String(plan.index),
  );
  const route =
    sport.outdoor && persona.profile.gps && trace.distance
      ? traceRoute(persona.homeLat, persona.homeLng, trace.distance, routeRng)
      : null;
  const minutes = workoutMinutes(persona, trace);
  const samples = withSamples ? buildActivitySamples(trace, minutes, route, startSeconds, fmt) : null;
  const zones = secondsPerZone(trace.heartRate, persona.maxHr, WORKOUT_SAMPLE_SECONDS);
  const totalCalories = sumRounded(minutes.calories);
  const distance = trace.distance ? (trace.distance[trace.count - 1] ?? 0) : null;
  const trimp = trimpOf(persona, trace.heartRate);
  const strain = Math.round(strainOf(trimp) * 10) / 10;
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
    active_durations_data: activeDurationsOf(zones),
    calories_data: caloriesDataOf(persona, totalCalories, durationSeconds, samples),
    cheat_detection: 0,
    data_enrichment: {
      trimp_score: Math.round(trimp * 10) / 10,
      strain_score: strain,
      trimp_contributors: {
        duration_minutes: durationSeconds / 60,
        avg_hr_bpm: heartRateSummary(persona, trace).avg,
      },
    },
    device_data: deviceDataOf(persona),
    distance_data: distanceDataOf(trace, sport, samples),
    energy_data: {
      energy_kilojoules: Math.round(totalCalories * 4.184 * 10) / 10,
      energy_planned_kilojoules: null,
    },
    heart_rate_data: heartRateDataOf(persona, trace, zones, samples),
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
    position_data: route ? positionDataOf(route, samples) : null,
    strain_data: { strain_level: strain },
    ...powerDataOf(persona, trace, sport, durationSeconds, samples),
  };
}

function partOfDay(minutes: number): string {
  if (minutes < 12 * 60) return 'Morning';
  if (minutes < 14 * 60) return 'Lunch';
  if (minutes < 18 * 60) return 'Afternoon';
  return 'Evening';
}
