import type { HealthObservation, HormoneSample, PlannedWorkout } from '../../models/index.js';
import { DATA_TYPES, type DataTypeRecords } from '../../resources/data-types.js';
import type { AthleteReturned } from '../../responses/athlete-returned.js';
import type { DataReturned } from '../../responses/data-returned.js';

/** The record type carried by each data event type: every {@link DataTypeRecords} type, and a few only webhooks carry. */
export interface DataEventRecords extends DataTypeRecords {
  planned_workout: PlannedWorkout;
  hormone: HormoneSample;
  health_observation: HealthObservation;
}

/** A data event type: `activity`, `sleep`, ... */
export type DataEventType = keyof DataEventRecords;

/** Every data event type, for run-time checks. */
export const DATA_EVENT_TYPES: readonly DataEventType[] = [
  ...DATA_TYPES,
  'planned_workout',
  'hormone',
  'health_observation',
];

/**
 * A data webhook: the same {@link DataReturned} class REST data responses use, with `type` narrowed to
 * the literal event type so a `switch` on it picks the record type.
 *
 * @example
 * ```ts
 * if (event.type === 'sleep') event.data[0]?.metadata.start_time; // event.data: Sleep[]
 * ```
 */
export type DataWebhookEvent<K extends DataEventType = DataEventType> = K extends DataEventType
  ? DataReturned<DataEventRecords[K]> & { readonly type: K }
  : never;

/** An `athlete` webhook: the profile as {@link AthleteReturned}, with `type` narrowed to `'athlete'`. */
export type AthleteWebhookEvent = AthleteReturned & { readonly type: 'athlete' };
