import type {
  CadenceSample,
  CalorieSample,
  DistanceSample,
  ElevationSample,
  HeartRateDataSample,
  METSample,
  PositionSample,
  PowerSample,
  SpeedSample,
  StepSample,
} from 'terra-ts';
import type { TimestampFormatter } from '../world/timestamps.js';
import type { Route } from './route.js';
import type { WorkoutMinutes } from './workout-minutes.js';
import { WORKOUT_SAMPLE_SECONDS, type WorkoutTrace } from './workout-trace.js';

/** Every sample array of one workout. */
export interface ActivitySamples {
  hr: HeartRateDataSample[];
  speed: SpeedSample[] | null;
  cadence: CadenceSample[] | null;
  power: PowerSample[] | null;
  position: PositionSample[] | null;
  distance: DistanceSample[] | null;
  steps: StepSample[] | null;
  elevation: ElevationSample[] | null;
  calories: CalorieSample[];
  met: METSample[];
}

/**
 * Builds the sample arrays. Fine signals get one sample per slot (15 s), stamped at its start;
 * per-minute series (cumulative distance and steps, elevation, calories, MET) get one per minute.
 * Cumulative samples are stamped at the end of their minute, so the last one equals the summary.
 * A timestamp string is built once per instant and shared by every series at that instant.
 */
export function buildActivitySamples(
  trace: WorkoutTrace,
  perMinuteSeries: WorkoutMinutes,
  route: Route | null,
  startSeconds: number,
  fmt: TimestampFormatter,
): ActivitySamples {
  const dt = WORKOUT_SAMPLE_SECONDS;
  const n = trace.count;
  const stamps: string[] = new Array(n + 1);
  for (let i = 0; i <= n; i++) stamps[i] = fmt.format(startSeconds + i * dt);
  const hr: HeartRateDataSample[] = new Array(n);
  const speed: SpeedSample[] | null = trace.speed ? new Array(n) : null;
  const cadence: CadenceSample[] | null = trace.cadence ? new Array(n) : null;
  const power: PowerSample[] | null = trace.power ? new Array(n) : null;
  const position: PositionSample[] | null = route ? new Array(n) : null;
  for (let i = 0; i < n; i++) {
    const timestamp = stamps[i];
    const timer = i * dt;
    hr[i] = { timestamp, bpm: trace.heartRate[i], timer_duration_seconds: timer, context: 1 };
    if (speed && trace.speed)
      speed[i] = { timestamp, speed_meters_per_second: trace.speed[i], timer_duration_seconds: timer };
    if (cadence && trace.cadence)
      cadence[i] = { timestamp, cadence_rpm: trace.cadence[i], timer_duration_seconds: timer };
    if (power && trace.power) power[i] = { timestamp, watts: trace.power[i], timer_duration_seconds: timer };
    if (position && route) {
      position[i] = {
        timestamp,
        coords_lat_lng_deg: [route.lat[i] ?? 0, route.lng[i] ?? 0],
        timer_duration_seconds: timer,
      };
    }
  }
  const perMinute = 60 / dt;
  const minutes = perMinuteSeries.count;
  const distance: DistanceSample[] | null = trace.distance ? new Array(minutes) : null;
  const steps: StepSample[] | null = trace.steps ? new Array(minutes) : null;
  const elevation: ElevationSample[] | null = trace.elevation ? new Array(minutes) : null;
  const calories: CalorieSample[] = new Array(minutes);
  const met: METSample[] = new Array(minutes);
  for (let m = 0; m < minutes; m++) {
    const from = m * perMinute;
    const to = Math.min(n, from + perMinute);
    const endStamp = stamps[to];
    const endTimer = to * dt;
    calories[m] = {
      timestamp: stamps[from],
      calories: perMinuteSeries.calories[m],
      timer_duration_seconds: from * dt,
    };
    met[m] = { timestamp: stamps[from], level: perMinuteSeries.met[m] };
    if (distance && trace.distance) {
      distance[m] = {
        timestamp: endStamp,
        distance_meters: trace.distance[to - 1],
        timer_duration_seconds: endTimer,
      };
    }
    if (steps && trace.steps)
      steps[m] = { timestamp: endStamp, steps: trace.steps[to - 1], timer_duration_seconds: endTimer };
    if (elevation && trace.elevation) {
      elevation[m] = {
        timestamp: stamps[from],
        elev_meters: trace.elevation[from],
        timer_duration_seconds: from * dt,
      };
    }
  }
  return { hr, speed, cadence, power, position, distance, steps, elevation, calories, met };
}
