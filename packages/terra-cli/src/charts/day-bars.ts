import { DAY_MS, dayLabel } from '../data/wall-clock.js';
import { formatCount, niceStep, placeLabels } from './axis.js';

/** One day's total. */
export interface DayTotal {
  /** Midnight of the day, wall clock (see `wallClockMs`). */
  day: number;
  value: number;
  /** The day is not over yet: the total is what happened so far. */
  partial: boolean;
}

/** Settings of {@link renderDayBars}. */
export interface DayBarsOptions {
  width: number;
  /** The heading, e.g. "steps per day". */
  title: string;
}

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
const LABEL_WIDTH = 'Tue 01-02'.length;
const SO_FAR = ' so far';

function bar(value: number, scaleMax: number, columns: number): string {
  const eighths = Math.round((value / scaleMax) * columns * 8);
  return '█'.repeat(Math.floor(eighths / 8)) + (EIGHTHS[eighths % 8] ?? '');
}

/**
 * Draws one horizontal bar per day with its total at the end, on a scale from 0 with round tick marks and
 * labels underneath. Days between the first and the last with no total show "no data"; a day still in
 * progress is marked "so far". Returns `undefined` when there is no day at all.
 */
export function renderDayBars(totals: readonly DayTotal[], options: DayBarsOptions): string | undefined {
  if (totals.length === 0) return undefined;
  const byDay = new Map(totals.map((total) => [total.day, total]));
  const max = Math.max(...totals.map((total) => total.value));
  const valueWidth = Math.max(...totals.map((total) => formatCount(total.value).length));
  const suffixWidth = totals.some((total) => total.partial) ? SO_FAR.length : 0;
  const columns = Math.max(10, options.width - LABEL_WIDTH - 2 - 1 - valueWidth - suffixWidth);
  const step = niceStep(max, Math.max(1, Math.floor(columns / 14)));
  const scaleMax = Math.max(step, Math.ceil(max / step) * step);
  const days = totals.map((total) => total.day);
  const lines = [`${options.title} (scale 0 to ${formatCount(scaleMax)})`];
  for (let day = Math.min(...days); day <= Math.max(...days); day += DAY_MS) {
    const total = byDay.get(day);
    if (total === undefined) {
      lines.push(`${dayLabel(day)} │ · no data`);
      continue;
    }
    const drawn = bar(total.value, scaleMax, columns);
    const value = formatCount(total.value).padStart(valueWidth);
    lines.push(
      `${dayLabel(day)} │${drawn}${' '.repeat(columns - [...drawn].length)} ${value}${total.partial ? SO_FAR : ''}`,
    );
  }
  const ticks: Array<{ column: number; text: string }> = [];
  const axis = new Array<string>(columns).fill('─');
  for (let value = 0; value <= scaleMax; value += step) {
    const column = Math.round((value / scaleMax) * columns);
    if (column > 0 && column <= columns) axis[column - 1] = '┬';
    ticks.push({ column, text: formatCount(value) });
  }
  const pad = ' '.repeat(LABEL_WIDTH + 1);
  lines.push(`${pad}└${axis.join('')}`, `${pad}${placeLabels(ticks, columns + 1)}`, '');
  return lines.join('\n');
}
