import type { Daily } from 'terra-ts';
import { strainOf } from '../activity/training-load.js';
import { recordedMinutes } from '../world/as-of.js';
import { formatDay } from '../world/calendar.js';
import type { GenerateOptions, GeneratorContext } from '../world/context.js';
import { openDay } from '../world/day-request.js';
import { deviceDataOf } from '../world/device.js';
import { clamp } from '../world/numbers.js';
import { type Persona, personaOf } from '../world/persona.js';
import { createRandom } from '../world/random.js';
import { average } from '../world/series.js';
import { TimestampFormatter } from '../world/timestamps.js';
import { bodyBatterySamples, stressSamples } from './daily-samples.js';
import {
  type DailySampling,
  dailyActiveDurationsOf,
  dailyCaloriesOf,
  dailyDistanceOf,
  dailyHeartRateOf,
  dailyMetOf,
} from './daily-sections.js';
import { type DayStress, recordedStress, simulateStress } from './daily-stress.js';
import { levelSeconds, stressSummaryOf, windowTotals } from './daily-summaries.js';
import { buildDayTimeline, type DayTimeline, recordedTimeline } from './day-timeline.js';

/**
 * The summary of a local day (`YYYY-MM-DD`, midnight to midnight in the user's zone): steps
 * (everyday walking plus the day's workouts), distance, calories (basal + active), time at each
 * activity level, heart rate (including sleep and workouts), stress, body battery and scores.
 * Step and distance samples are cumulative from midnight, as Terra defines them: the last equals the total.
 * With `now`, a day in progress holds its whole 15-minute windows up to then (`end_time` is the
 * cut), last night's scores once it has ended and the load of workouts that have ended; a day that
 * has not recorded a window yet has no record.
 *
 * @example
 * const [today] = generateDaily({ seed: 1, user }, '2026-03-01', { withSamples: false });
 */
export function generateDaily(ctx: GeneratorContext, day: string, opts?: Partial<GenerateOptions>): Daily[] {
  const request = openDay(ctx, day, opts, 'daily');
  if (!request) return [];
  const { dayNumber, withSamples, now } = request;
  const simulated = simulateDailyDay(ctx, dayNumber);
  return simulated ? dailyAsOf(simulated, now, withSamples) : [];
}

/** A local day as it will have been, minute by minute: what every reading of its daily summary is cut from. */
export interface SimulatedDailyDay {
  readonly persona: Persona;
  readonly timeline: DayTimeline;
  readonly stress: DayStress;
}

/**
 * Simulates a whole local day (the expensive part of a daily summary, independent of when it is
 * read), or undefined when the user's provider has no daily data. Read it with {@link dailyAsOf}.
 */
export function simulateDailyDay(ctx: GeneratorContext, dayNumber: number): SimulatedDailyDay | undefined {
  const persona = personaOf(ctx);
  if (!persona.profile.dataTypes.includes('daily')) return undefined;
  const timeline = buildDayTimeline(ctx, persona, dayNumber);
  const stress = simulateStress(
    timeline,
    createRandom(ctx.seed, persona.userId, formatDay(dayNumber), 'stress'),
  );
  return { persona, timeline, stress };
}

/**
 * The daily record of a simulated day as it reads at `now` (epoch ms; undefined = complete): `[]`
 * before its first 15-minute window has ended.
 */
export function dailyAsOf(
  simulated: SimulatedDailyDay,
  now: number | undefined,
  withSamples: boolean,
): Daily[] {
  const { persona, timeline, stress } = simulated;
  const minutes = recordedMinutes(timeline.startSeconds, timeline.state.length, now);
  if (minutes === 0) return [];
  return [
    buildDaily(persona, recordedTimeline(timeline, minutes), recordedStress(stress, minutes), withSamples),
  ];
}

function buildDaily(persona: Persona, timeline: DayTimeline, stress: DayStress, withSamples: boolean): Daily {
  const fmt = new TimestampFormatter(persona.timeZone);
  const { startSeconds } = timeline;
  const sampling: DailySampling = { windows: windowTotals(timeline), startSeconds, fmt, withSamples };
  const totalSteps = sampling.windows.cumulativeSteps[sampling.windows.count - 1] ?? 0;
  const levels = levelSeconds(persona, timeline);
  const stressSummary = stressSummaryOf(stress);
  const activeMinutes = (levels.low + levels.moderate + levels.vigorous) / 60;
  const strain = Math.round(strainOf(timeline.workoutTrimp + activeMinutes * 0.3) * 10) / 10;
  const lastNight = timeline.lastNight;
  return {
    metadata: {
      start_time: fmt.format(startSeconds),
      end_time: fmt.format(startSeconds + timeline.state.length * 60),
      upload_type: 1,
      timestamp_localization: 1,
    },
    device_data: deviceDataOf(persona),
    distance_data: dailyDistanceOf(sampling),
    calories_data: dailyCaloriesOf(timeline, sampling),
    active_durations_data: dailyActiveDurationsOf(levels, sampling),
    heart_rate_data: dailyHeartRateOf(persona, timeline, sampling),
    stress_data: {
      ...stressSummary,
      samples: withSamples ? stressSamples(stress, startSeconds, fmt) : null,
      body_battery_samples: withSamples ? bodyBatterySamples(stress, startSeconds, fmt) : null,
    },
    MET_data: dailyMetOf(timeline, sampling),
    oxygen_data: {
      avg_saturation_percentage: lastNight ? Math.round(average(lastNight.signals.spo2) * 10) / 10 : null,
      vo2max_ml_per_min_per_kg: persona.vo2max,
      day_avg_vo2max_ml_per_min_per_kg: null,
      saturation_samples: null,
      vo2_samples: null,
    },
    scores: {
      sleep: lastNight?.sleepScore ?? null,
      recovery: lastNight?.readiness ?? null,
      activity: Math.round(clamp(40 + (totalSteps / 10_000) * 35 + activeMinutes / 6, 0, 100)),
    },
    strain_data: { strain_level: strain },
    data_enrichment: { total_stress_score: stressSummary.avg_stress_level, strain_index: strain },
    tag_data: null,
  };
}
