import type { DataType } from 'terra-ts';
import type { SportKey } from '../generators/activity/sports.js';

/** What a provider records, and the kind of user who wears it. */
export interface ProviderProfile {
  /** Data types the provider serves (others generate no records). */
  readonly dataTypes: readonly DataType[];
  /** Sports its users log, with weights. Empty: the provider records no workouts of its own. */
  readonly sports: readonly (readonly [SportKey, number])[];
  /** Range of workouts per week. */
  readonly workoutsPerWeek: readonly [number, number];
  /** Device manufacturer reported in `device_data`. */
  readonly manufacturer: string;
  /** Device models reported in `device_data`. */
  readonly devices: readonly string[];
  /** Whether outdoor workouts carry a GPS track (rings and straps have no GPS of their own). */
  readonly gps: boolean;
  /** Whether the user has a continuous glucose monitor. */
  readonly glucose: boolean;
  /** Whether the provider reports smart-scale and blood-pressure readings. */
  readonly scale: boolean;
}

/** One provider of the catalog. */
export interface ProviderEntry {
  /** Terra's uppercase resource id (`GARMIN`). */
  readonly provider: string;
  /** The name people know it by (`Garmin`). */
  readonly name: string;
  /** Connected through Terra's mobile SDK rather than a cloud OAuth flow. */
  readonly sdk: boolean;
  /** What it records and who wears it. */
  readonly profile: ProviderProfile;
}

/** Which data types a provider offers, as Terra's `IntegrationProvider.types` writes it. */
export type ProviderTypes = Record<DataType, boolean>;
