/** How a sport moves the body, which decides the samples a workout carries. */
export type Locomotion = 'foot' | 'bike' | 'swim' | 'row' | 'stationary';

/** How effort is shaped over a session. */
export type SessionShape = 'steady' | 'tempo' | 'intervals' | 'long' | 'circuit' | 'flow';

/** A sport a persona does, with the numbers that make its workouts plausible. */
export interface Sport {
  readonly key: SportKey;
  /** Terra's ActivityType number. */
  readonly activityType: number;
  /** Noun used in the workout name ("Morning Run"). */
  readonly label: string;
  readonly locomotion: Locomotion;
  /** Whether the workout has a GPS track. */
  readonly outdoor: boolean;
  /** Session length range in minutes. */
  readonly minutes: readonly [number, number];
  /** Steady effort as a fraction of heart-rate reserve. */
  readonly effort: readonly [number, number];
  /** Session shapes and their weights. */
  readonly shapes: readonly (readonly [SessionShape, number])[];
  /** Lap length in metres for distance sports; 0 for one lap covering the session. */
  readonly lapMeters: number;
  /** Relief amplitude of the route in metres (hilly trails, flat pools). */
  readonly reliefMeters: number;
}

/** Keys of {@link SPORTS}. */
export type SportKey =
  | 'run'
  | 'trail_run'
  | 'treadmill_run'
  | 'ride'
  | 'indoor_ride'
  | 'walk'
  | 'hike'
  | 'strength'
  | 'hiit'
  | 'yoga'
  | 'swim'
  | 'row';

/** Every sport the generators know. ActivityType numbers are Terra's. */
export const SPORTS: Readonly<Record<SportKey, Sport>> = {
  run: {
    key: 'run',
    activityType: 8,
    label: 'Run',
    locomotion: 'foot',
    outdoor: true,
    minutes: [25, 75],
    effort: [0.6, 0.72],
    shapes: [
      ['steady', 6],
      ['tempo', 2],
      ['intervals', 2],
      ['long', 1.5],
    ],
    lapMeters: 1000,
    reliefMeters: 12,
  },
  trail_run: {
    key: 'trail_run',
    activityType: 149,
    label: 'Trail Run',
    locomotion: 'foot',
    outdoor: true,
    minutes: [45, 110],
    effort: [0.62, 0.75],
    shapes: [
      ['steady', 3],
      ['long', 1],
    ],
    lapMeters: 1000,
    reliefMeters: 80,
  },
  treadmill_run: {
    key: 'treadmill_run',
    activityType: 58,
    label: 'Treadmill Run',
    locomotion: 'foot',
    outdoor: false,
    minutes: [25, 50],
    effort: [0.62, 0.75],
    shapes: [
      ['steady', 2],
      ['intervals', 2],
    ],
    lapMeters: 1000,
    reliefMeters: 0,
  },
  ride: {
    key: 'ride',
    activityType: 16,
    label: 'Ride',
    locomotion: 'bike',
    outdoor: true,
    minutes: [45, 150],
    effort: [0.55, 0.7],
    shapes: [
      ['steady', 5],
      ['tempo', 2],
      ['intervals', 1],
      ['long', 2],
    ],
    lapMeters: 5000,
    reliefMeters: 40,
  },
  indoor_ride: {
    key: 'indoor_ride',
    activityType: 18,
    label: 'Indoor Ride',
    locomotion: 'bike',
    outdoor: false,
    minutes: [30, 75],
    effort: [0.6, 0.75],
    shapes: [
      ['intervals', 3],
      ['steady', 2],
    ],
    lapMeters: 5000,
    reliefMeters: 0,
  },
  walk: {
    key: 'walk',
    activityType: 7,
    label: 'Walk',
    locomotion: 'foot',
    outdoor: true,
    minutes: [20, 70],
    effort: [0.25, 0.38],
    shapes: [['steady', 1]],
    lapMeters: 1000,
    reliefMeters: 8,
  },
  hike: {
    key: 'hike',
    activityType: 35,
    label: 'Hike',
    locomotion: 'foot',
    outdoor: true,
    minutes: [90, 240],
    effort: [0.38, 0.55],
    shapes: [['long', 1]],
    lapMeters: 1000,
    reliefMeters: 150,
  },
  strength: {
    key: 'strength',
    activityType: 80,
    label: 'Strength Training',
    locomotion: 'stationary',
    outdoor: false,
    minutes: [35, 75],
    effort: [0.45, 0.65],
    shapes: [['circuit', 1]],
    lapMeters: 0,
    reliefMeters: 0,
  },
  hiit: {
    key: 'hiit',
    activityType: 114,
    label: 'HIIT',
    locomotion: 'stationary',
    outdoor: false,
    minutes: [20, 40],
    effort: [0.7, 0.85],
    shapes: [['intervals', 1]],
    lapMeters: 0,
    reliefMeters: 0,
  },
  yoga: {
    key: 'yoga',
    activityType: 100,
    label: 'Yoga',
    locomotion: 'stationary',
    outdoor: false,
    minutes: [30, 75],
    effort: [0.18, 0.3],
    shapes: [['flow', 1]],
    lapMeters: 0,
    reliefMeters: 0,
  },
  swim: {
    key: 'swim',
    activityType: 83,
    label: 'Pool Swim',
    locomotion: 'swim',
    outdoor: false,
    minutes: [30, 60],
    effort: [0.55, 0.7],
    shapes: [
      ['steady', 2],
      ['intervals', 1],
    ],
    lapMeters: 100,
    reliefMeters: 0,
  },
  row: {
    key: 'row',
    activityType: 54,
    label: 'Indoor Row',
    locomotion: 'row',
    outdoor: false,
    minutes: [20, 45],
    effort: [0.6, 0.75],
    shapes: [
      ['steady', 2],
      ['intervals', 1],
    ],
    lapMeters: 500,
    reliefMeters: 0,
  },
};
