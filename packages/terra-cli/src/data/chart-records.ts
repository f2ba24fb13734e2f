import { renderSeriesChart, renderStageChart } from '../output/chart.js';
import {
  type ChartSeries,
  heartRatePoints,
  SLEEP_STAGE_ORDER,
  sleepStagePoints,
  stepPoints,
  utcOffsetOf,
} from './series.js';

/** Draws the chosen sample series of all records as one compact chart, `width` columns wide. */
export function chartRecords(records: readonly unknown[], series: ChartSeries, width: number): string {
  const utcOffsetMinutes = utcOffsetOf(records);
  switch (series) {
    case 'heart-rate':
      return renderSeriesChart(heartRatePoints(records), {
        width,
        utcOffsetMinutes,
        title: 'heart rate (bpm)',
      });
    case 'steps':
      return renderSeriesChart(stepPoints(records), { width, utcOffsetMinutes, title: 'steps' });
    case 'sleep-stages': {
      const points = sleepStagePoints(records);
      const present = new Set(points.map((point) => point.stage));
      const stages = SLEEP_STAGE_ORDER.filter((stage) => present.has(stage));
      return renderStageChart(points, stages, { width, utcOffsetMinutes, title: 'sleep stages' });
    }
  }
}
