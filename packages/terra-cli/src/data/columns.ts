import { ActivityType } from 'terra-ts';
import type { Column } from '../output/record-writer.js';

// Terra sends activity types as numbers; a table shows their names (CSV and JSON keep the numbers).
const ACTIVITY_TYPE_NAMES = new Map<unknown, string>(
  Object.entries(ActivityType).map(([name, value]) => [value, name.toLowerCase().replaceAll('_', ' ')]),
);

function activityTypeName(value: unknown): string {
  return ACTIVITY_TYPE_NAMES.get(value) ?? String(value);
}

/**
 * The table/CSV columns shown for each data type when `--fields` is not given: a short label for the table and
 * Terra's own field path (the CSV header and the `--fields` name).
 */
export const DATA_COLUMNS: Record<string, readonly Column[]> = {
  activity: [
    ['start', 'metadata.start_time'],
    ['end', 'metadata.end_time'],
    ['name', 'metadata.name'],
    ['type', 'metadata.type', activityTypeName],
    ['distance m', 'distance_data.summary.distance_meters'],
    ['steps', 'distance_data.summary.steps'],
    ['kcal', 'calories_data.total_burned_calories'],
    ['avg bpm', 'heart_rate_data.summary.avg_hr_bpm'],
  ],
  sleep: [
    ['start', 'metadata.start_time'],
    ['end', 'metadata.end_time'],
    ['asleep s', 'sleep_durations_data.asleep.duration_asleep_state_seconds'],
    ['deep s', 'sleep_durations_data.asleep.duration_deep_sleep_state_seconds'],
    ['efficiency', 'sleep_durations_data.sleep_efficiency'],
    ['avg bpm', 'heart_rate_data.summary.avg_hr_bpm'],
  ],
  daily: [
    ['start', 'metadata.start_time'],
    ['steps', 'distance_data.steps'],
    ['distance m', 'distance_data.distance_meters'],
    ['kcal', 'calories_data.total_burned_calories'],
    ['resting bpm', 'heart_rate_data.summary.resting_hr_bpm'],
  ],
  body: [
    ['start', 'metadata.start_time'],
    ['end', 'metadata.end_time'],
    ['weight kg', 'measurements_data.measurements.0.weight_kg'],
    ['resting bpm', 'heart_data.heart_rate_data.summary.resting_hr_bpm'],
    ['SpO2 %', 'oxygen_data.avg_saturation_percentage'],
  ],
  nutrition: [
    ['start', 'metadata.start_time'],
    ['kcal', 'summary.macros.calories'],
    ['protein g', 'summary.macros.protein_g'],
    ['carbs g', 'summary.macros.carbohydrates_g'],
    ['fat g', 'summary.macros.fat_g'],
    ['water ml', 'summary.water_ml'],
  ],
  menstruation: [
    ['start', 'metadata.start_time'],
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
