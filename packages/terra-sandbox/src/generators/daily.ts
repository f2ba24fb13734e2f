import type {
  ActivityLevelSample,
  CalorieSample,
  Daily,
  DistanceSample,
  METSample,
  StepSample,
} from 'terra-ts';
import { formatDay, parseDay } from './calendar.js';
import { type GenerateOptions, type GeneratorContext, readWithSamples } from './context.js';
import { bodyBatterySamples, heartRateSamples, stressSamples, windowSamples } from './daily-samples.js';
import { type DayStress, simulateStress } from './daily-stress.js';
import {
  countWhere,
  levelSeconds,
  restingHeartRate,
  stressSummaryOf,
  windowTotals,
} from './daily-summaries.js';
import { buildDayTimeline, DAY_MINUTES, type DayTimeline } from './day-timeline.js';
import { deviceDataOf } from './device.js';
import { clamp } from './numbers.js';
import { type Persona, personaOf } from './persona.js';
import { createRandom } from './random.js';
import { average, maxOf, minOf } from './series.js';
import { TimestampFormatter } from './timestamps.js';
import { strainOf } from './training-load.js';

/**
 * The summary of a local day (`YYYY-MM-DD`, midnight to midnight in the user's zone): steps
 * (everyday walking plus the day's workouts), distance, calories (basal + active), time at each
 * activity level, heart rate (including sleep and workouts), stress, body battery and scores.
 * Step and distance samples are cumulative from midnight, as Terra defines them: the last equals the total.
 *
 * @example
 * const [today] = generateDaily({ seed: 1, user }, '2026-03-01', { withSamples: false });
 */
export function generateDaily(ctx: GeneratorContext, day: string, opts?: Partial<GenerateOptions>): Daily[] {
  const dayNumber = parseDay(day);
  const withSamples = readWithSamples(opts);
  const persona = personaOf(ctx);
  if (!persona.profile.dataTypes.includes('daily')) return [];
  const timeline = buildDayTimeline(ctx, persona, dayNumber);
  const stress = simulateStress(
    timeline,
    createRandom(ctx.seed, persona.userId, formatDay(dayNumber), 'stress'),
  );
  return [buildDaily(persona, timeline, stress, withSamples)];
}

function buildDaily(persona: Persona, timeline: DayTimeline, stress: DayStress, withSamples: boolean): Daily {
  const fmt = new TimestampFormatter(persona.offsetMinutes);
  const { startSeconds } = timeline;
  const windows = windowTotals(timeline);
  const totalSteps = windows.cumulativeSteps[windows.count - 1] ?? 0;
  const totalMeters = windows.cumulativeMeters[windows.count - 1] ?? 0;
  const totalCalories = Math.round(windows.calories.reduce((a, b) => a + b, 0) * 100) / 100;
  const bmr = Math.round(timeline.bmrPerMinute * DAY_MINUTES * 100) / 100;
  const levels = levelSeconds(persona, timeline);
  const stressSummary = stressSummaryOf(stress);
  const restingHr = restingHeartRate(timeline.heartRate);
  const sleepScore = timeline.lastNight?.sleepScore ?? null;
  const recovery = timeline.lastNight?.readiness ?? null;
  const activeMinutes = (levels.low + levels.moderate + levels.vigorous) / 60;
  const strain = strainOf(timeline.workoutTrimp + activeMinutes * 0.3);
  return {
    metadata: {
      start_time: fmt.format(startSeconds),
      end_time: fmt.format(startSeconds + DAY_MINUTES * 60),
      upload_type: 1,
      timestamp_localization: 1,
    },
    device_data: deviceDataOf(persona),
    distance_data: {
      steps: totalSteps,
      distance_meters: Math.round(totalMeters * 10) / 10,
      floors_climbed: Math.round(totalSteps / 1400),
      elevation: null,
      swimming: null,
      detailed: withSamples
        ? {
            step_samples: windowSamples<StepSample>(
              windows.count,
              startSeconds,
              fmt,
              true,
              (timestamp, i, timer) => ({
                timestamp,
                steps: windows.cumulativeSteps[i] ?? 0,
                timer_duration_seconds: timer,
              }),
            ),
            distance_samples: windowSamples<DistanceSample>(
              windows.count,
              startSeconds,
              fmt,
              true,
              (timestamp, i, timer) => ({
                timestamp,
                distance_meters: Math.round((windows.cumulativeMeters[i] ?? 0) * 10) / 10,
                timer_duration_seconds: timer,
              }),
            ),
            elevation_samples: null,
            floors_climbed_samples: null,
          }
        : null,
    },
    calories_data: {
      total_burned_calories: totalCalories,
      BMR_calories: bmr,
      net_activity_calories: Math.round((totalCalories - bmr) * 100) / 100,
      net_intake_calories: null,
      calorie_samples: withSamples
        ? windowSamples<CalorieSample>(windows.count, startSeconds, fmt, false, (timestamp, i, timer) => ({
            timestamp,
            calories: windows.calories[i] ?? 0,
            timer_duration_seconds: timer,
          }))
        : null,
    },
    active_durations_data: {
      activity_seconds: levels.low + levels.moderate + levels.vigorous,
      rest_seconds: levels.rest,
      inactivity_seconds: levels.inactive,
      low_intensity_seconds: levels.low,
      moderate_intensity_seconds: levels.moderate,
      vigorous_intensity_seconds: levels.vigorous,
      num_continuous_inactive_periods: levels.inactivePeriods,
      standing_hours_count: null,
      standing_seconds: null,
      activity_levels_samples: withSamples
        ? windowSamples<ActivityLevelSample>(
            windows.count,
            startSeconds,
            fmt,
            false,
            (timestamp, i, timer) => ({
              timestamp,
              activity_level: windows.level[i] ?? 0,
              timer_duration_seconds: timer,
            }),
          )
        : null,
    },
    heart_rate_data: {
      summary: {
        avg_hr_bpm: Math.round(average(timeline.heartRate) * 10) / 10,
        max_hr_bpm: maxOf(timeline.heartRate),
        min_hr_bpm: minOf(timeline.heartRate),
        resting_hr_bpm: restingHr,
        user_max_hr_bpm: persona.maxHr,
        avg_hrv_rmssd: timeline.lastNight
          ? Math.round(average(timeline.lastNight.signals.hrv) * 10) / 10
          : null,
        avg_hrv_sdnn: null,
        hr_zone_data: null,
      },
      detailed: withSamples
        ? { hr_samples: heartRateSamples(timeline, fmt), hrv_samples_rmssd: null, hrv_samples_sdnn: null }
        : null,
    },
    stress_data: {
      ...stressSummary,
      samples: withSamples ? stressSamples(stress, startSeconds, fmt) : null,
      body_battery_samples: withSamples ? bodyBatterySamples(stress, startSeconds, fmt) : null,
    },
    MET_data: {
      avg_level: Math.round(average(timeline.met) * 10) / 10,
      num_inactive_minutes: countWhere(timeline.met, (v) => v < 1.5),
      num_low_intensity_minutes: countWhere(timeline.met, (v) => v >= 1.5 && v < 3),
      num_moderate_intensity_minutes: countWhere(timeline.met, (v) => v >= 3 && v < 6),
      num_high_intensity_minutes: countWhere(timeline.met, (v) => v >= 6),
      MET_samples: withSamples
        ? windowSamples<METSample>(windows.count, startSeconds, fmt, false, (timestamp, i) => ({
            timestamp,
            level: windows.met[i] ?? 0,
          }))
        : null,
    },
    oxygen_data: {
      avg_saturation_percentage: timeline.lastNight
        ? Math.round(average(timeline.lastNight.signals.spo2) * 10) / 10
        : null,
      vo2max_ml_per_min_per_kg: persona.vo2max,
      day_avg_vo2max_ml_per_min_per_kg: null,
      saturation_samples: null,
      vo2_samples: null,
    },
    scores: {
      sleep: sleepScore,
      recovery,
      activity: Math.round(clamp(40 + (totalSteps / 10_000) * 35 + activeMinutes / 6, 0, 100)),
    },
    strain_data: { strain_level: Math.round(strain * 10) / 10 },
    data_enrichment: {
      total_stress_score: stressSummary.avg_stress_level,
      strain_index: Math.round(strain * 10) / 10,
    },
    tag_data: null,
  };
}
