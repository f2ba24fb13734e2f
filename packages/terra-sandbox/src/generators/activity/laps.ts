import type { LapSample } from 'terra-ts';
import type { TimestampFormatter } from '../world/timestamps.js';
import type { Sport } from './sports.js';
import { WORKOUT_SAMPLE_SECONDS, type WorkoutTrace } from './workout-trace.js';

/**
 * Splits a workout into laps at every `sport.lapMeters` (auto-lap by distance), or one lap for the
 * whole session when the sport has no distance. Laps tile the workout: together they cover it exactly.
 */
export function splitLaps(
  trace: WorkoutTrace,
  sport: Sport,
  startSeconds: number,
  fmt: TimestampFormatter,
): LapSample[] {
  const { distance } = trace;
  const bounds: number[] = [0];
  if (distance && sport.lapMeters > 0) {
    let next = sport.lapMeters;
    for (let i = 0; i < trace.count - 1; i++) {
      if ((distance[i] ?? 0) >= next) {
        bounds.push(i + 1);
        while ((distance[i] ?? 0) >= next) next += sport.lapMeters;
      }
    }
  }
  bounds.push(trace.count);
  const laps: LapSample[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    laps.push(lapOf(trace, sport, bounds[k] ?? 0, bounds[k + 1] ?? trace.count, startSeconds, fmt));
  }
  return laps;
}

function lapOf(
  trace: WorkoutTrace,
  sport: Sport,
  from: number,
  to: number,
  startSeconds: number,
  fmt: TimestampFormatter,
): LapSample {
  let hr = 0;
  let kcal = 0;
  let watts = 0;
  let strokes = 0;
  for (let i = from; i < to; i++) {
    hr += trace.heartRate[i] ?? 0;
    kcal += trace.calories[i] ?? 0;
    watts += trace.power?.[i] ?? 0;
    strokes += ((trace.cadence?.[i] ?? 0) * WORKOUT_SAMPLE_SECONDS) / 60;
  }
  const slots = to - from;
  const seconds = slots * WORKOUT_SAMPLE_SECONDS;
  const meters = trace.distance
    ? (trace.distance[to - 1] ?? 0) - (from > 0 ? (trace.distance[from - 1] ?? 0) : 0)
    : null;
  const swim = sport.locomotion === 'swim';
  return {
    start_time: fmt.format(startSeconds + from * WORKOUT_SAMPLE_SECONDS),
    end_time: fmt.format(startSeconds + to * WORKOUT_SAMPLE_SECONDS),
    distance_meters: meters === null ? null : Math.round(meters * 10) / 10,
    calories: Math.round(kcal * 10) / 10,
    avg_hr_bpm: Math.round((hr / slots) * 10) / 10,
    avg_speed_meters_per_second: meters === null ? null : Math.round((meters / seconds) * 100) / 100,
    avg_watts: trace.power ? Math.round(watts / slots) : null,
    active_duration_seconds: seconds,
    total_strokes: swim || sport.locomotion === 'row' ? Math.round(strokes) : null,
    stroke_type: swim ? 'freestyle' : null,
    trigger_method: sport.lapMeters > 0 && meters !== null ? 'distance' : 'manual',
  };
}
