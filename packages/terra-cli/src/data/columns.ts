/** The table/CSV columns shown for each data type when `--fields` is not given (Terra's own field paths). */
export const DATA_COLUMNS: Record<string, readonly string[]> = {
  activity: [
    'metadata.start_time',
    'metadata.end_time',
    'metadata.name',
    'metadata.type',
    'distance_data.summary.distance_meters',
    'calories_data.total_burned_calories',
    'heart_rate_data.summary.avg_hr_bpm',
  ],
  sleep: [
    'metadata.start_time',
    'metadata.end_time',
    'sleep_durations_data.asleep.duration_asleep_state_seconds',
    'sleep_durations_data.sleep_efficiency',
    'heart_rate_data.summary.avg_hr_bpm',
  ],
  daily: [
    'metadata.start_time',
    'distance_data.steps',
    'distance_data.distance_meters',
    'calories_data.total_burned_calories',
    'heart_rate_data.summary.resting_hr_bpm',
  ],
  body: [
    'metadata.start_time',
    'metadata.end_time',
    'measurements_data.measurements.0.weight_kg',
    'heart_data.heart_rate_data.summary.resting_hr_bpm',
    'oxygen_data.avg_saturation_percentage',
  ],
  nutrition: [
    'metadata.start_time',
    'summary.macros.calories',
    'summary.macros.protein_g',
    'summary.macros.carbohydrates_g',
    'summary.macros.fat_g',
    'summary.water_ml',
  ],
  menstruation: [
    'metadata.start_time',
    'menstruation_data.current_phase',
    'menstruation_data.day_in_cycle',
    'menstruation_data.cycle_length_days',
    'menstruation_data.period_start_date',
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
