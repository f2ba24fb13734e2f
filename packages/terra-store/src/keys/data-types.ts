import { type Athlete, DATA_EVENT_TYPES, type DataEventRecords } from 'terra-ts';

/**
 * The record type stored for each data type, from terra-ts: its data event records (the date-range types of
 * `DATA_TYPES`, planned workouts, hormone samples) and the athlete profile. `health_observation` has no table
 * yet, so its deliveries stay whole in the inbox; giving it one is a migration plus an entry below.
 */
export interface StoredRecordTypes extends Omit<DataEventRecords, 'health_observation'> {
  athlete: Athlete;
}

/** A data type terra-store keeps in its own table. */
export type StoredDataType = keyof StoredRecordTypes;

/** How one data type is keyed and where its times are, as SQL expressions over `r` (the record's jsonb). */
export interface DataTypeDefinition {
  /** The wire `type`. */
  readonly type: StoredDataType;
  /** Its table. */
  readonly table: string;
  /** The natural key after `user_id`: column name and SQL expression (empty for one record per user). */
  readonly key: ReadonlyArray<{ column: string; sql: string }>;
  /** When the record starts (the time a range query filters on). */
  readonly startSql: string;
  /** When it ends. */
  readonly endSql: string;
  /** The user's calendar day it belongs to, in the record's own UTC offset. */
  readonly localDaySql: string;
  /** Where the payload holds its records: an array under `data`, or one object under `athlete`. */
  readonly payloadField: 'data' | 'athlete';
}

const start = "terra_ts(r->'metadata'->>'start_time')";
const end = "terra_ts(r->'metadata'->>'end_time')";
const startDay = "terra_local_day(r->'metadata'->>'start_time')";
const dayKeyed = (type: StoredDataType): DataTypeDefinition => ({
  type,
  table: `terra_${type}`,
  key: [{ column: 'local_day', sql: startDay }],
  startSql: start,
  endSql: end,
  localDaySql: startDay,
  payloadField: 'data',
});

/**
 * Every stored type and its natural key (Terra's "Receiving data updates"):
 * activity and sleep by `metadata.summary_id`; daily, body, nutrition and menstruation one per user per
 * calendar day (the local date of `metadata.start_time`); athlete one per user; planned workouts by
 * `metadata.id`; hormone samples by their `timestamp`. A sleep's local day is the day the user woke up.
 */
export const DATA_TYPES: Readonly<Record<StoredDataType, DataTypeDefinition>> = {
  activity: {
    type: 'activity',
    table: 'terra_activity',
    key: [
      { column: 'summary_id', sql: "COALESCE(r->'metadata'->>'summary_id', r->'metadata'->>'start_time')" },
    ],
    startSql: start,
    endSql: end,
    localDaySql: startDay,
    payloadField: 'data',
  },
  sleep: {
    type: 'sleep',
    table: 'terra_sleep',
    key: [
      { column: 'summary_id', sql: "COALESCE(r->'metadata'->>'summary_id', r->'metadata'->>'start_time')" },
    ],
    startSql: start,
    endSql: end,
    localDaySql: "terra_local_day(r->'metadata'->>'end_time')",
    payloadField: 'data',
  },
  daily: dayKeyed('daily'),
  body: dayKeyed('body'),
  nutrition: dayKeyed('nutrition'),
  menstruation: dayKeyed('menstruation'),
  athlete: {
    type: 'athlete',
    table: 'terra_athlete',
    key: [],
    startSql: 'NULL::timestamptz',
    endSql: 'NULL::timestamptz',
    localDaySql: 'NULL::date',
    payloadField: 'athlete',
  },
  planned_workout: {
    type: 'planned_workout',
    table: 'terra_planned_workout',
    key: [
      {
        column: 'workout_id',
        sql: "COALESCE(r->'metadata'->>'id', r->'details'->'metadata'->>'id', r->>'planned_workout_id', r->>'workout_id')",
      },
    ],
    startSql: "terra_ts(COALESCE(r->'details'->'metadata'->>'planned_date', r->>'planned_date'))",
    endSql: 'NULL::timestamptz',
    localDaySql: "terra_local_day(COALESCE(r->'details'->'metadata'->>'planned_date', r->>'planned_date'))",
    payloadField: 'data',
  },
  hormone: {
    type: 'hormone',
    table: 'terra_hormone',
    key: [{ column: 'sample_timestamp', sql: "r->>'timestamp'" }],
    startSql: "terra_ts(r->>'timestamp')",
    endSql: 'NULL::timestamptz',
    localDaySql: "terra_local_day(r->>'timestamp')",
    payloadField: 'data',
  },
};

/** Every stored type, in a stable order: terra-ts's data event types (but `health_observation`), then `athlete`. */
export const STORED_DATA_TYPES: readonly StoredDataType[] = [
  ...DATA_EVENT_TYPES.filter(
    (type): type is Exclude<typeof type, 'health_observation'> => type !== 'health_observation',
  ),
  'athlete',
];

/** Whether a wire `type` is one terra-store keeps in a table. */
export function isStoredDataType(type: unknown): type is StoredDataType {
  return typeof type === 'string' && Object.hasOwn(DATA_TYPES, type);
}
