import { clockLabel, dayLabel } from '../data/wall-clock.js';
import type { Workout } from '../data/workouts.js';
import { renderSeriesChart } from '../output/chart.js';
import { sanitizeCell, truncate } from '../output/text-width.js';

/** Settings of {@link renderWorkoutCharts}. */
export interface WorkoutChartsOptions {
  width: number;
  /** At most this many charts, the most recent (default 10). */
  limit?: number;
  /** Hides secrets in a workout name before it is cut to the width. */
  redact: (text: string) => string;
}

/**
 * Draws the heart rate over each workout: a heading with the day, the clock times and the name, then bpm from
 * start to end (min and max on the scale). Only the most recent `limit` workouts are drawn; a first line says
 * so when there were more. Returns `undefined` when there is no workout.
 */
export function renderWorkoutCharts(
  list: readonly Workout[],
  options: WorkoutChartsOptions,
): string | undefined {
  if (list.length === 0) return undefined;
  const limit = options.limit ?? 10;
  const shown = list.slice(-limit);
  const parts: string[] = [];
  if (list.length > shown.length) {
    parts.push(
      `heart rate of the last ${shown.length} of ${list.length} workouts (narrow --from/--to for the others)\n`,
    );
  }
  for (const workout of shown) {
    const name = workout.name === undefined ? 'workout' : options.redact(sanitizeCell(workout.name));
    const heading = `${dayLabel(workout.start)} ${clockLabel(workout.start)}–${clockLabel(workout.end)}  ${name}`;
    if (workout.heartRate.length === 0) {
      parts.push(`${truncate(heading, options.width - 22)}  no heart-rate samples\n`);
      continue;
    }
    const chart = renderSeriesChart(workout.heartRate, {
      width: options.width,
      height: 4,
      title: `${truncate(heading, options.width - 28)}  bpm`,
      timeLabel: clockLabel,
      holdMs: 120_000,
    });
    parts.push(chart);
  }
  return parts.join('\n');
}
