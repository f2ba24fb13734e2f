import type { Activity, Body, Daily, Menstruation, Nutrition, Sleep } from '../models/index.js';

/**
 * The data types with a date-range endpoint (`GET /activity`, `/body`, ...), for run-time checks and menus.
 * The one list terra-ts, its sandbox, CLI and demo share.
 */
export const DATA_TYPES = ['activity', 'body', 'daily', 'sleep', 'nutrition', 'menstruation'] as const;

/** One of {@link DATA_TYPES}. */
export type DataType = (typeof DATA_TYPES)[number];

/** The record type of each data type: what `data` holds in its responses and webhooks. */
export interface DataTypeRecords {
  activity: Activity;
  body: Body;
  daily: Daily;
  sleep: Sleep;
  nutrition: Nutrition;
  menstruation: Menstruation;
}

/** True when `value` names one of {@link DATA_TYPES}. */
export function isDataType(value: unknown): value is DataType {
  return typeof value === 'string' && (DATA_TYPES as readonly string[]).includes(value);
}
