import { ALL, profile } from './profile.js';
import type { ProviderEntry } from './types.js';

/**
 * Every provider the sandbox offers, in the order `GET /integrations` lists them: its name, how it
 * connects, and its profile (what it records, the devices and sports of its users). Routes, pages and
 * generators all read this one table, so what a provider is listed as serving is what it serves.
 */
export const PROVIDERS: readonly ProviderEntry[] = [
  {
    provider: 'GARMIN',
    name: 'Garmin',
    sdk: false,
    profile: profile({
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
  },
  {
    provider: 'FITBIT',
    name: 'Fitbit',
    sdk: false,
    profile: profile({
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
  },
  {
    provider: 'OURA',
    name: 'Oura',
    sdk: false,
    profile: profile({
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
  },
  {
    provider: 'WHOOP',
    name: 'WHOOP',
    sdk: false,
    profile: profile({
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
  },
  {
    provider: 'POLAR',
    name: 'Polar',
    sdk: false,
    profile: profile({
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
  },
  {
    provider: 'WITHINGS',
    name: 'Withings',
    sdk: false,
    profile: profile({
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
  },
  {
    provider: 'SUUNTO',
    name: 'Suunto',
    sdk: false,
    profile: profile({
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
  },
  {
    provider: 'COROS',
    name: 'COROS',
    sdk: false,
    profile: profile({
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
  },
  {
    provider: 'STRAVA',
    name: 'Strava',
    sdk: false,
    profile: profile({
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
  },
  {
    provider: 'PELOTON',
    name: 'Peloton',
    sdk: false,
    profile: profile({
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
  },
  {
    provider: 'WAHOO',
    name: 'Wahoo',
    sdk: false,
    profile: profile({
      manufacturer: 'Wahoo',
      devices: ['ELEMNT BOLT', 'ELEMNT ROAM', 'KICKR'],
      dataTypes: ['activity'],
      sports: [
        ['ride', 3],
        ['indoor_ride', 2],
      ],
      workoutsPerWeek: [2, 5],
    }),
  },
  {
    provider: 'ZWIFT',
    name: 'Zwift',
    sdk: false,
    profile: profile({
      manufacturer: 'Zwift',
      devices: ['Zwift'],
      dataTypes: ['activity'],
      sports: [
        ['indoor_ride', 4],
        ['treadmill_run', 1],
      ],
      workoutsPerWeek: [2, 5],
    }),
  },
  {
    provider: 'CONCEPT2',
    name: 'Concept2',
    sdk: false,
    profile: profile({
      manufacturer: 'Concept2',
      devices: ['RowErg', 'SkiErg', 'BikeErg'],
      dataTypes: ['activity'],
      sports: [
        ['row', 5],
        ['indoor_ride', 1],
      ],
      workoutsPerWeek: [2, 5],
      gps: false,
    }),
  },
  {
    provider: 'TRAININGPEAKS',
    name: 'TrainingPeaks',
    sdk: false,
    profile: profile({
      manufacturer: 'TrainingPeaks',
      devices: ['TrainingPeaks'],
      dataTypes: ['activity', 'body'],
      sports: [
        ['run', 3],
        ['ride', 3],
        ['swim', 1],
        ['strength', 1],
      ],
      workoutsPerWeek: [4, 8],
      scale: true,
    }),
  },
  {
    provider: 'ULTRAHUMAN',
    name: 'Ultrahuman',
    sdk: false,
    profile: profile({
      manufacturer: 'Ultrahuman',
      devices: ['Ultrahuman Ring AIR'],
      dataTypes: ['activity', 'sleep', 'daily', 'body'],
      sports: [
        ['walk', 3],
        ['run', 1],
        ['strength', 1],
      ],
      workoutsPerWeek: [0, 3],
      gps: false,
    }),
  },
  {
    provider: 'EIGHT',
    name: 'Eight Sleep',
    sdk: false,
    profile: profile({
      manufacturer: 'Eight Sleep',
      devices: ['Pod 4', 'Pod 5'],
      dataTypes: ['sleep'],
      sports: [],
      workoutsPerWeek: [0, 0],
      gps: false,
    }),
  },
  {
    provider: 'DEXCOM',
    name: 'Dexcom',
    sdk: false,
    profile: profile({
      manufacturer: 'Dexcom',
      devices: ['Dexcom G7'],
      dataTypes: ['body'],
      sports: [],
      workoutsPerWeek: [0, 0],
      glucose: true,
      gps: false,
    }),
  },
  {
    provider: 'FREESTYLELIBRE',
    name: 'FreeStyle Libre',
    sdk: false,
    profile: profile({
      manufacturer: 'Abbott',
      devices: ['FreeStyle Libre 3'],
      dataTypes: ['body'],
      sports: [],
      workoutsPerWeek: [0, 0],
      glucose: true,
      gps: false,
    }),
  },
  {
    provider: 'OMRON',
    name: 'Omron',
    sdk: false,
    profile: profile({
      manufacturer: 'Omron',
      devices: ['Evolv', 'Complete', 'HeartGuide'],
      dataTypes: ['body'],
      sports: [],
      workoutsPerWeek: [0, 0],
      scale: true,
      gps: false,
    }),
  },
  {
    provider: 'MYFITNESSPAL',
    name: 'MyFitnessPal',
    sdk: false,
    profile: profile({
      manufacturer: 'MyFitnessPal',
      devices: ['MyFitnessPal'],
      dataTypes: ['nutrition', 'body'],
      sports: [],
      workoutsPerWeek: [0, 0],
      scale: true,
      gps: false,
    }),
  },
  {
    provider: 'CRONOMETER',
    name: 'Cronometer',
    sdk: false,
    profile: profile({
      manufacturer: 'Cronometer',
      devices: ['Cronometer'],
      dataTypes: ['nutrition', 'body'],
      sports: [],
      workoutsPerWeek: [0, 0],
      gps: false,
    }),
  },
  {
    provider: 'APPLE',
    name: 'Apple Health',
    sdk: true,
    profile: profile({
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
  },
  {
    provider: 'SAMSUNG',
    name: 'Samsung Health',
    sdk: true,
    profile: profile({
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
  },
  {
    provider: 'HEALTH_CONNECT',
    name: 'Health Connect',
    sdk: true,
    profile: profile({
      manufacturer: 'Health Connect',
      devices: ['Pixel Watch 3', 'Galaxy Watch7', 'Fitbit Charge 6'],
      dataTypes: ALL,
      sports: [
        ['walk', 3],
        ['run', 2],
        ['strength', 1],
        ['ride', 1],
      ],
      workoutsPerWeek: [1, 4],
    }),
  },
];

/**
 * Providers the generators know but `/integrations` does not offer (Google Fit and Clue): a user
 * created for one through the control API or a data file gets its own profile rather than the default.
 */
export const UNLISTED_PROVIDERS: readonly ProviderEntry[] = [
  {
    provider: 'GOOGLE',
    name: 'Google Fit',
    sdk: false,
    profile: profile({
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
  },
  {
    provider: 'CLUE',
    name: 'Clue',
    sdk: false,
    profile: profile({
      manufacturer: 'Clue',
      devices: ['Clue'],
      dataTypes: ['menstruation'],
      sports: [],
      workoutsPerWeek: [0, 0],
      gps: false,
    }),
  },
];
