import { DATA_TYPES, type DataType } from 'terra-ts';
import type { ProviderProfile } from './types.js';

/** Every data type: phone platforms and the fullest wearables record them all. */
export const ALL: readonly DataType[] = DATA_TYPES;

/** What a wrist or ring wearable records: everything but food. */
const WEARABLE: readonly DataType[] = DATA_TYPES.filter((type) => type !== 'nutrition');

/** A profile from the fields that differ from a GPS wearable's. */
export function profile(
  p: Partial<ProviderProfile> & Pick<ProviderProfile, 'manufacturer' | 'devices'>,
): ProviderProfile {
  return {
    dataTypes: WEARABLE,
    sports: [
      ['run', 3],
      ['walk', 2],
      ['strength', 1],
    ],
    workoutsPerWeek: [2, 5],
    gps: true,
    glucose: false,
    scale: false,
    ...p,
  };
}

/** Profile used for providers the sandbox does not know by name: a general wearable that serves everything. */
export const DEFAULT_PROVIDER_PROFILE: ProviderProfile = profile({
  manufacturer: 'Generic',
  devices: ['Sandbox Band'],
  dataTypes: ALL,
  sports: [
    ['run', 3],
    ['walk', 3],
    ['ride', 2],
    ['strength', 2],
    ['yoga', 1],
  ],
  workoutsPerWeek: [2, 5],
  scale: true,
});
