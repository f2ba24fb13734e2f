import { ActivityType } from 'terra-ts';
import type { Column } from '../output/record-writer.js';

// Terra sends activity types as numbers; a table shows their names (CSV and JSON keep the numbers).
const ACTIVITY_TYPE_NAMES = new Map<unknown, string>(
  Object.entries(ActivityType).map(([name, value]) => [value, name.toLowerCase().replaceAll('_', ' ')]),
);

function activityTypeName(value: unknown): string {
  return ACTIVITY_TYPE_NAMES.get(value) ?? String(value);
}

/** `2024-01-02T18:09:00.000000-05:00` -> `2024-01-02 18:09`: the wearer's wall-clock time, as Terra wrote it. */
function wallClock(value: unknown): string {
  const text = String(value);
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(text);
  return match ? `${match[1]} ${match[2]}` : text;
}

/** Seconds -> `7h 05m`. */
function duration(value: unknown): string {
  const seconds = Number(value);
  if (!Number.isFinite(seconds)) return String(value);
  const minutes = Math.round(seconds / 60);
  return `${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, '0')}m`;
}

const START: Column = ['start', 'metadata.start_time', wallClock];
const END: Column = ['end', 'metadata.end_time', wallClock];

/**
 * The table/CSV columns shown for each data type when `--fields` is not given: a short label for the table and
 * Terra's own field path (the CSV header and the `--fields` name).
 */
export const DATA_COLUMNS: Record<string, readonly Column[]> = {
  activity: [
    START,
    END,
    ['name', 'metadata.name'],
    ['type', 'metadata.type', activityTypeName],
    ['distance m', 'distance_data.summary.distance_meters'],
    ['steps', 'distance_data.summary.steps'],
    ['kcal', 'calories_data.total_burned_calories'],
    ['avg bpm', 'heart_rate_data.summary.avg_hr_bpm'],
  ],
  sleep: [
    START,
    END,
    ['asleep', 'sleep_durations_data.asleep.duration_asleep_state_seconds', duration],
    ['deep', 'sleep_durations_data.asleep.duration_deep_sleep_state_seconds', duration],
    ['efficiency', 'sleep_durations_data.sleep_efficiency'],
    ['avg bpm', 'heart_rate_data.summary.avg_hr_bpm'],
    ['kind', 'metadata.is_nap', (value) => (value === true ? 'nap' : 'night')],
  ],
  daily: [
    START,
    ['steps', 'distance_data.steps'],
    ['distance m', 'distance_data.distance_meters'],
    ['kcal', 'calories_data.total_burned_calories'],
    ['resting bpm', 'heart_rate_data.summary.resting_hr_bpm'],
  ],
  body: [
    START,
    END,
    ['weight kg', 'measurements_data.measurements.0.weight_kg'],
    ['resting bpm', 'heart_data.heart_rate_data.summary.resting_hr_bpm'],
    ['SpO2 %', 'oxygen_data.avg_saturation_percentage'],
  ],
  nutrition: [
    START,
    ['kcal', 'summary.macros.calories'],
    ['protein g', 'summary.macros.protein_g'],
    ['carbs g', 'summary.macros.carbohydrates_g'],
    ['fat g', 'summary.macros.fat_g'],
    ['water ml', 'summary.water_ml'],
  ],
  menstruation: [
    START,
    ['phase', 'menstruation_data.current_phase'],
    ['cycle day', 'menstruation_data.day_in_cycle'],
    ['cycle days', 'menstruation_data.cycle_length_days'],
    ['period start', 'menstruation_data.period_start_date'],
  ],
};

/** Columns of a `to_webhook` acknowledgement (DataSentToWebhook). */
export const ACK_COLUMNS = ['type', 'status', 'reference', 'message'];

/** The summary of an athlete profile. */
export const ATHLETE_SUMMARY = [
  ['first name', 'athlete.first_name'],
  ['last name', 'athlete.last_name'],
  ['sex', 'athlete.sex'],
  ['age', 'athlete.age'],
  ['date of birth', 'athlete.date_of_birth'],
  ['city', 'athlete.city'],
  ['country', 'athlete.country'],
  ['provider', 'user.provider'],
] as const;
