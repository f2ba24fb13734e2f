import { renderDayBars } from '../charts/day-bars.js';
import { renderNightChart } from '../charts/night-chart.js';
import { renderWorkoutCharts } from '../charts/workout-charts.js';
import { renderSeriesChart, renderStageChart } from '../output/chart.js';
import { textWidth } from '../output/text-width.js';
import { dailyStepTotals } from './daily-totals.js';
import {
  type ChartSeries,
  heartRatePoints,
  SLEEP_STAGE_ORDER,
  sleepStagePoints,
  stepPoints,
  utcOffsetOf,
} from './series.js';
import { sleepPeriods } from './sleep-periods.js';
import { workouts } from './workouts.js';

/** What a chart is drawn for. */
export interface ChartContext {
  /** The data type (`sleep`, `activity`, `daily`, ...). */
  type: string;
  /** Terminal columns. */
  width: number;
  /** The requested range as typed days, for the message when there is nothing to draw. */
  range: { from: string; to: string };
  /** The current time in ms (a day still in progress is marked). */
  now: number;
  /** Hides secrets in text taken from the data before it is cut to fit. */
  redact: (text: string) => string;
}

/** A drawn chart, or the one line saying why there is none. */
export type ChartResult = { chart: string } | { empty: string };

/** Says there is nothing to draw and what to try; the hint moves to its own line when one line would wrap. */
function emptyMessage(what: string, context: ChartContext): string {
  const fact = `No ${what} between ${context.range.from} and ${context.range.to}`;
  const hint = 'a longer range, e.g. --from 7d.';
  const oneLine = `${fact}: try ${hint}`;
  return textWidth(oneLine) <= context.width ? oneLine : `${fact}.\nTry ${hint}`;
}

function result(chart: string | undefined, what: string, context: ChartContext): ChartResult {
  return chart === undefined ? { empty: emptyMessage(what, context) } : { chart };
}

/** The chart each data type draws by default: nights for sleep, workouts for activity, day totals for daily. */
function defaultChart(records: readonly unknown[], series: ChartSeries, context: ChartContext) {
  const { type, width } = context;
  if (type === 'sleep' && series === 'sleep-stages') {
    return result(renderNightChart(sleepPeriods(records), { width }), 'sleep recorded', context);
  }
  if (type === 'activity' && series === 'heart-rate') {
    return result(
      renderWorkoutCharts(workouts(records), { width, redact: context.redact }),
      'workouts',
      context,
    );
  }
  if (type === 'daily' && series === 'steps') {
    return result(
      renderDayBars(dailyStepTotals(records, context.now), { width, title: 'steps per day' }),
      'daily step totals',
      context,
    );
  }
  return undefined;
}

/** Draws the chosen series of all records as one compact chart (or says why there is nothing to draw). */
export function chartRecords(
  records: readonly unknown[],
  series: ChartSeries,
  context: ChartContext,
): ChartResult {
  const drawn = defaultChart(records, series, context);
  if (drawn !== undefined) return drawn;
  const { width } = context;
  const utcOffsetMinutes = utcOffsetOf(records);
  switch (series) {
    case 'heart-rate': {
      const points = heartRatePoints(records);
      if (points.length === 0) return { empty: emptyMessage('heart-rate samples', context) };
      return { chart: renderSeriesChart(points, { width, utcOffsetMinutes, title: 'heart rate (bpm)' }) };
    }
    case 'steps': {
      const points = stepPoints(records);
      if (points.length === 0) return { empty: emptyMessage('step samples', context) };
      return { chart: renderSeriesChart(points, { width, utcOffsetMinutes, title: 'steps' }) };
    }
    case 'sleep-stages': {
      const points = sleepStagePoints(records);
      if (points.length === 0) return { empty: emptyMessage('sleep-stage samples', context) };
      const present = new Set(points.map((point) => point.stage));
      const stages = SLEEP_STAGE_ORDER.filter((stage) => present.has(stage));
      return { chart: renderStageChart(points, stages, { width, utcOffsetMinutes, title: 'sleep stages' }) };
    }
  }
}
