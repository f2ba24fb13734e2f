// Schema version 2: the views a dashboard needs. Frozen: a change is a new migration.

const number = (expr: string) =>
  `CASE WHEN jsonb_typeof(${expr}) = 'number' THEN (${expr})::text::numeric END`;

/** The statements of schema version 2, in order. */
export const V2_VIEWS: readonly string[] = [
  `CREATE VIEW terra_steps_per_day AS
     SELECT user_id, local_day, provider, ${number("record->'distance_data'->'steps'")} AS steps
     FROM terra_daily`,
  `CREATE VIEW terra_sleep_per_night AS
     SELECT user_id, local_day, provider, summary_id, start_time, end_time,
       COALESCE((record->'metadata'->>'is_nap') = 'true', false) AS is_nap,
       ${number("record->'sleep_durations_data'->'asleep'->'duration_asleep_state_seconds'")} AS asleep_seconds,
       ${number("record->'sleep_durations_data'->'sleep_efficiency'")} AS efficiency
     FROM terra_sleep`,
  `CREATE VIEW terra_resting_heart_rate_per_day AS
     SELECT user_id, local_day, provider, ${number("record->'heart_rate_data'->'summary'->'resting_hr_bpm'")} AS resting_hr_bpm
     FROM terra_daily`,
];
