import type { SportKey } from '../generators/activity/sports.js';
import type { DataType } from '../generators/data-types.js';

/** What a provider records, and the kind of user who wears it. */
export interface ProviderProfile {
  /** Data types the provider serves (others generate no records). */
  readonly dataTypes: readonly DataType[];
  /** Sports its users log, with weights. Empty: the provider records no workouts of its own. */
  readonly sports: readonly (readonly [SportKey, number])[];
  /** Range of workouts per week. */
  readonly workoutsPerWeek: readonly [number, number];
  /** Device manufacturer and models reported in `device_data`. */
  readonly manufacturer: string;
  readonly devices: readonly string[];
  /** Whether outdoor workouts carry a GPS track (rings and straps have no GPS of their own). */
  readonly gps: boolean;
  /** Whether the user has a continuous glucose monitor. */
  readonly glucose: boolean;
  /** Whether the provider reports smart-scale and blood-pressure readings. */
  readonly scale: boolean;
}

const ALL: readonly DataType[] = ['activity', 'sleep', 'daily', 'body', 'nutrition', 'menstruation'];
const WEARABLE: readonly DataType[] = ['activity', 'sleep', 'daily', 'body', 'menstruation'];

const profile = (
  p: Partial<ProviderProfile> & Pick<ProviderProfile, 'manufacturer' | 'devices'>,
): ProviderProfile => ({
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
});

/** Profiles of the providers the sandbox knows by name (Terra's uppercase slugs). */
export const PROVIDER_PROFILES: Readonly<Record<string, ProviderProfile>> = {
  GARMIN: profile({
    manufacturer: 'Garmin',
    devices: ['Forerunner 965', 'Fenix 7', 'Forerunner 265', 'Edge 840', 'Venu 3'],
    sports: [
      ['run', 5],
      ['ride', 3],
      ['trail_run', 1],
      ['strength', 1.5],
      ['walk', 1],
      ['swim', 1],
      ['indoor_ride', 1],
      ['hike', 0.5],
    ],
    workoutsPerWeek: [3, 7],
    scale: true,
  }),
  FITBIT: profile({
    manufacturer: 'Fitbit',
    devices: ['Charge 6', 'Sense 2', 'Versa 4', 'Inspire 3'],
    dataTypes: ALL,
    sports: [
      ['walk', 4],
      ['run', 2],
      ['strength', 1],
      ['yoga', 1],
      ['hiit', 1],
    ],
    workoutsPerWeek: [1, 5],
    scale: true,
  }),
  OURA: profile({
    manufacturer: 'Oura',
    devices: ['Oura Ring Gen3', 'Oura Ring 4'],
    sports: [
      ['walk', 4],
      ['yoga', 1],
      ['run', 1],
    ],
    workoutsPerWeek: [0, 2],
    gps: false,
  }),
  WHOOP: profile({
    manufacturer: 'WHOOP',
    devices: ['WHOOP 4.0', 'WHOOP MG'],
    dataTypes: ['activity', 'sleep', 'daily', 'body'],
    sports: [
      ['strength', 3],
      ['hiit', 2],
      ['run', 2],
      ['ride', 1],
      ['row', 1],
    ],
    workoutsPerWeek: [3, 6],
    gps: false,
  }),
  POLAR: profile({
    manufacturer: 'Polar',
    devices: ['Vantage V3', 'Grit X2 Pro', 'Pacer Pro'],
    dataTypes: ['activity', 'sleep', 'daily', 'body'],
    sports: [
      ['run', 4],
      ['ride', 2],
      ['strength', 1],
      ['swim', 1],
    ],
    workoutsPerWeek: [3, 6],
  }),
  COROS: profile({
    manufacturer: 'COROS',
    devices: ['PACE 3', 'APEX 2 Pro', 'VERTIX 2S'],
    dataTypes: ['activity', 'sleep', 'daily'],
    sports: [
      ['run', 4],
      ['trail_run', 2],
      ['ride', 1],
      ['hike', 1],
    ],
    workoutsPerWeek: [3, 7],
  }),
  SUUNTO: profile({
    manufacturer: 'Suunto',
    devices: ['Suunto Race', 'Suunto Vertical', 'Suunto 9 Peak Pro'],
    dataTypes: ['activity', 'sleep', 'daily'],
    sports: [
      ['trail_run', 3],
      ['run', 2],
      ['hike', 2],
      ['ride', 1],
    ],
    workoutsPerWeek: [2, 6],
  }),
  WAHOO: profile({
    manufacturer: 'Wahoo',
    devices: ['ELEMNT BOLT', 'ELEMNT ROAM', 'KICKR'],
    dataTypes: ['activity'],
    sports: [
      ['ride', 3],
      ['indoor_ride', 2],
    ],
    workoutsPerWeek: [2, 5],
  }),
  PELOTON: profile({
    manufacturer: 'Peloton',
    devices: ['Peloton Bike+', 'Peloton Tread'],
    dataTypes: ['activity'],
    sports: [
      ['indoor_ride', 4],
      ['treadmill_run', 1],
      ['strength', 1],
      ['yoga', 1],
    ],
    workoutsPerWeek: [2, 6],
  }),
  ZWIFT: profile({
    manufacturer: 'Zwift',
    devices: ['Zwift'],
    dataTypes: ['activity'],
    sports: [
      ['indoor_ride', 4],
      ['treadmill_run', 1],
    ],
    workoutsPerWeek: [2, 5],
  }),
  STRAVA: profile({
    manufacturer: 'Strava',
    devices: ['Strava iPhone App', 'Strava Android App'],
    dataTypes: ['activity'],
    sports: [
      ['run', 4],
      ['ride', 3],
      ['walk', 1],
      ['hike', 1],
    ],
    workoutsPerWeek: [2, 6],
  }),
  WITHINGS: profile({
    manufacturer: 'Withings',
    devices: ['Body Smart', 'ScanWatch 2', 'BPM Connect'],
    dataTypes: ['activity', 'sleep', 'daily', 'body'],
    sports: [
      ['walk', 3],
      ['run', 1],
    ],
    workoutsPerWeek: [0, 3],
    scale: true,
  }),
  APPLE: profile({
    manufacturer: 'Apple',
    devices: ['Apple Watch Series 10', 'Apple Watch Ultra 2', 'Apple Watch SE'],
    dataTypes: ALL,
    sports: [
      ['walk', 3],
      ['run', 3],
      ['strength', 2],
      ['hiit', 1],
      ['yoga', 1],
      ['ride', 1],
    ],
    workoutsPerWeek: [2, 6],
  }),
  GOOGLE: profile({
    manufacturer: 'Google',
    devices: ['Pixel Watch 3', 'Pixel Watch 2'],
    dataTypes: ALL,
    sports: [
      ['walk', 3],
      ['run', 2],
      ['strength', 1],
    ],
    workoutsPerWeek: [1, 4],
  }),
  SAMSUNG: profile({
    manufacturer: 'Samsung',
    devices: ['Galaxy Watch7', 'Galaxy Watch Ultra', 'Galaxy Ring'],
    dataTypes: ALL,
    sports: [
      ['walk', 3],
      ['run', 2],
      ['strength', 1],
      ['ride', 1],
    ],
    workoutsPerWeek: [1, 4],
  }),
  ULTRAHUMAN: profile({
    manufacturer: 'Ultrahuman',
    devices: ['Ultrahuman Ring AIR'],
    dataTypes: ['sleep', 'daily', 'body'],
    sports: [],
    workoutsPerWeek: [0, 0],
    gps: false,
  }),
  EIGHT: profile({
    manufacturer: 'Eight Sleep',
    devices: ['Pod 4', 'Pod 5'],
    dataTypes: ['sleep'],
    sports: [],
    workoutsPerWeek: [0, 0],
    gps: false,
  }),
  FREESTYLELIBRE: profile({
    manufacturer: 'Abbott',
    devices: ['FreeStyle Libre 3'],
    dataTypes: ['body'],
    sports: [],
    workoutsPerWeek: [0, 0],
    glucose: true,
    gps: false,
  }),
  DEXCOM: profile({
    manufacturer: 'Dexcom',
    devices: ['Dexcom G7'],
    dataTypes: ['body'],
    sports: [],
    workoutsPerWeek: [0, 0],
    glucose: true,
    gps: false,
  }),
  MYFITNESSPAL: profile({
    manufacturer: 'MyFitnessPal',
    devices: ['MyFitnessPal'],
    dataTypes: ['nutrition', 'body'],
    sports: [],
    workoutsPerWeek: [0, 0],
    scale: true,
    gps: false,
  }),
  CRONOMETER: profile({
    manufacturer: 'Cronometer',
    devices: ['Cronometer'],
    dataTypes: ['nutrition', 'body'],
    sports: [],
    workoutsPerWeek: [0, 0],
    gps: false,
  }),
  CLUE: profile({
    manufacturer: 'Clue',
    devices: ['Clue'],
    dataTypes: ['menstruation'],
    sports: [],
    workoutsPerWeek: [0, 0],
    gps: false,
  }),
};

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

/** The profile of a provider slug (case-insensitive), or {@link DEFAULT_PROVIDER_PROFILE} for unknown ones. */
export function providerProfile(provider: string): ProviderProfile {
  return PROVIDER_PROFILES[provider.toUpperCase()] ?? DEFAULT_PROVIDER_PROFILE;
}

/**
 * Whether a provider serves a data type at all, so a server can answer "not available" instead of
 * an empty list (Oura has no nutrition, Wahoo has no sleep).
 */
export function providerSupports(provider: string, type: DataType): boolean {
  return providerProfile(provider).dataTypes.includes(type);
}
