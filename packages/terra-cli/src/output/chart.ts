/** One point of a numeric series (time in ms since the epoch). */
export interface SeriesPoint {
  time: number;
  value: number;
}

/** Settings of a chart. */
export interface ChartOptions {
  /** Total width in terminal columns, axis labels included. */
  width: number;
  /** Rows of bars (each row has 8 steps of resolution). */
  height?: number;
  /** Shown above the chart, e.g. "heart rate (bpm)". */
  title: string;
  /** The data's own UTC offset in minutes, so axis times read as the wearer's clock (default 0, UTC). */
  utcOffsetMinutes?: number;
  /** Labels the two ends of the time axis (default: date and time with the offset). */
  timeLabel?: (time: number) => string;
  /** A column without samples repeats the last value before it when that sample is at most this old (default 0). */
  holdMs?: number;
}

const EIGHTHS = [' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

function bucketIndex(time: number, start: number, span: number, columns: number): number {
  return span === 0 ? 0 : Math.min(columns - 1, Math.floor(((time - start) / span) * columns));
}

function timeLabel(time: number, offsetMinutes = 0): string {
  const local = new Date(time + offsetMinutes * 60_000).toISOString().slice(0, 16).replace('T', ' ');
  if (offsetMinutes === 0) return `${local}Z`;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const minutes = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/**
 * Draws a numeric series as a compact bar chart: time runs left to right, each column is the mean of the samples
 * that fall in it, columns without samples stay blank (a gap in the recording shows as a gap).
 */
export function renderSeriesChart(points: readonly SeriesPoint[], options: ChartOptions): string {
  if (points.length === 0) return `${options.title}: no samples\n`;
  const height = options.height ?? 6;
  const values = points.map((point) => point.value);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const labelWidth = Math.max(formatNumber(min).length, formatNumber(max).length);
  const columns = Math.max(10, options.width - labelWidth - 3);
  const times = points.map((point) => point.time);
  const start = Math.min(...times);
  const span = Math.max(...times) - start;
  const sums = new Array<number>(columns).fill(0);
  const counts = new Array<number>(columns).fill(0);
  for (const point of points) {
    const index = bucketIndex(point.time, start, span, columns);
    sums[index] = (sums[index] ?? 0) + point.value;
    counts[index] = (counts[index] ?? 0) + 1;
  }
  holdValues(sums, counts, { start, span, columns, points, holdMs: options.holdMs ?? 0 });
  // Bars start one step above empty so the minimum is still visible.
  const levels = sums.map((sum, i) => {
    const count = counts[i] ?? 0;
    if (count === 0) return -1;
    const ratio = max === min ? 1 : (sum / count - min) / (max - min);
    return 1 + Math.round(ratio * (height * 8 - 1));
  });
  const lines = [`${options.title}  min ${formatNumber(min)} · max ${formatNumber(max)}`];
  for (let row = height - 1; row >= 0; row -= 1) {
    const label = row === height - 1 ? formatNumber(max) : row === 0 ? formatNumber(min) : '';
    const cells = levels.map((level) =>
      level < 0 ? ' ' : (EIGHTHS[Math.max(0, Math.min(8, level - row * 8))] ?? ' '),
    );
    lines.push(`${label.padStart(labelWidth)} │${cells.join('').trimEnd()}`);
  }
  lines.push(`${' '.repeat(labelWidth)} └${'─'.repeat(columns)}`);
  const label = options.timeLabel ?? ((time: number) => timeLabel(time, options.utcOffsetMinutes));
  const from = label(start);
  const to = label(start + span);
  const gap = Math.max(1, columns + 2 - from.length - to.length);
  lines.push(`${' '.repeat(labelWidth)}${from}${' '.repeat(gap)}${to}`);
  return `${lines.join('\n')}\n`;
}

/**
 * Fills columns that got no sample (more columns than samples) with the last sample before them, when that
 * sample is at most `holdMs` old: a dense recording draws as a continuous series, a real gap stays blank.
 */
function holdValues(
  sums: number[],
  counts: number[],
  layout: { start: number; span: number; columns: number; points: readonly SeriesPoint[]; holdMs: number },
): void {
  if (layout.holdMs <= 0 || layout.span === 0) return;
  const sorted = [...layout.points].sort((a, b) => a.time - b.time);
  let next = 0;
  let last: SeriesPoint | undefined;
  for (let column = 0; column < layout.columns; column += 1) {
    const time = layout.start + ((column + 0.5) / layout.columns) * layout.span;
    while (next < sorted.length && (sorted[next]?.time ?? 0) <= time) last = sorted[next++];
    if ((counts[column] ?? 0) > 0 || last === undefined || time - last.time > layout.holdMs) continue;
    sums[column] = last.value;
    counts[column] = 1;
  }
}

/** One sample of a categorical series, such as a sleep stage. */
export interface StagePoint {
  time: number;
  stage: string;
}

/**
 * Draws a categorical series (a hypnogram) as one row per stage, in the order given. A stage lasts from its sample
 * until the next one, so each column shows the stage in force at its midpoint; a column after a gap longer than
 * `maxGapMs` (between two sleeps) stays blank.
 */
export function renderStageChart(
  points: readonly StagePoint[],
  stages: readonly string[],
  options: ChartOptions & { maxGapMs?: number },
): string {
  if (points.length === 0) return `${options.title}: no samples\n`;
  const sorted = [...points].sort((a, b) => a.time - b.time);
  const labelWidth = Math.max(...stages.map((stage) => stage.length));
  const columns = Math.max(10, options.width - labelWidth - 3);
  const start = sorted[0]?.time ?? 0;
  const span = (sorted[sorted.length - 1]?.time ?? start) - start;
  const maxGap = options.maxGapMs ?? 2 * 3_600_000;
  const inForce: Array<string | undefined> = [];
  let next = 0;
  for (let column = 0; column < columns; column += 1) {
    const time = start + ((column + 0.5) / columns) * span;
    while (next < sorted.length && (sorted[next]?.time ?? 0) <= time) next += 1;
    const current = sorted[next - 1];
    inForce.push(current !== undefined && time - current.time <= maxGap ? current.stage : undefined);
  }
  const lines = [options.title];
  for (const stage of stages) {
    const cells = inForce.map((value) => (value === stage ? '█' : ' ')).join('');
    lines.push(`${stage.padStart(labelWidth)} │${cells.trimEnd()}`);
  }
  lines.push(`${' '.repeat(labelWidth)} └${'─'.repeat(columns)}`);
  const from = timeLabel(start, options.utcOffsetMinutes);
  const to = timeLabel(start + span, options.utcOffsetMinutes);
  const gap = Math.max(1, columns + 2 - from.length - to.length);
  lines.push(`${' '.repeat(labelWidth)}${from}${' '.repeat(gap)}${to}`);
  return `${lines.join('\n')}\n`;
}
