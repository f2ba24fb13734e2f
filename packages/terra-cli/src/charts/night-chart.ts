import type { SleepPeriod } from '../data/sleep-periods.js';
import { clockLabel, DAY_MS, dayLabel, dayOf, durationLabel } from '../data/wall-clock.js';
import { placeLabels } from './axis.js';

const HOUR_MS = 3_600_000;

/** How each stage looks in a night's row: taller is shallower, as on a hypnogram (awake on top, deep at the bottom). */
const STAGE_CELLS: ReadonlyArray<readonly [stage: string, cell: string, label: string]> = [
  ['awake', '█', 'awake'],
  ['rem', '▆', 'REM'],
  ['light', '▄', 'light'],
  ['deep', '▂', 'deep'],
  ['asleep', '▃', 'asleep (no stage)'],
  ['out of bed', '▔', 'out of bed'],
];
const NO_DATA = '·';
const CELLS = new Map(STAGE_CELLS.map(([stage, cell]) => [stage, cell]));

/** Settings of {@link renderNightChart}. */
export interface NightChartOptions {
  /** Total width in terminal columns. */
  width: number;
  /** A stretch longer than this without a stage sample inside a sleep shows as no data (default 2 hours). */
  maxGapMs?: number;
}

const LABEL_WIDTH = 'Tue 01-02'.length;
const TOTAL_WIDTH = ' 10h 00m'.length;

/** The stage in force at `time` within `period`, or undefined when the recording has a gap there. */
function stageAt(period: SleepPeriod, time: number, maxGapMs: number): string | undefined {
  if (period.stages.length === 0) return 'asleep';
  let current: SleepPeriod['stages'][number] | undefined;
  for (const change of period.stages) {
    if (change.time > time) break;
    current = change;
  }
  return current !== undefined && time - current.time <= maxGapMs ? current.stage : undefined;
}

/** Hour labels under the rows: every 1, 2, 3, 4, 6 or 12 hours, whichever is the closest that does not crowd. */
function hourAxis(windowStart: number, windowEnd: number, columns: number): string {
  const msPerColumn = (windowEnd - windowStart) / columns;
  const every = [1, 2, 3, 4, 6, 12].find((hours) => (hours * HOUR_MS) / msPerColumn >= 7) ?? 24;
  const labels: Array<{ column: number; text: string }> = [];
  for (let time = windowStart; time <= windowEnd; time += HOUR_MS) {
    const hour = new Date(time).getUTCHours();
    if (hour % every !== 0) continue;
    labels.push({ column: Math.round((time - windowStart) / msPerColumn), text: clockLabel(time) });
  }
  return placeLabels(labels, columns + 1);
}

/**
 * Draws sleep as one row per night, labelled with the date the sleeper woke up: each row is the night's hypnogram
 * compressed to the terminal width on a shared clock axis (the same column is the same time of night on every
 * row), with the time asleep at the right. A night with no record shows "no sleep recorded"; a stretch inside a
 * sleep without stage samples shows as `·`; naps get a row of their own under the day they were taken.
 * Returns `undefined` when there is no sleep at all.
 */
export function renderNightChart(
  periods: readonly SleepPeriod[],
  options: NightChartOptions,
): string | undefined {
  if (periods.length === 0) return undefined;
  const maxGap = options.maxGapMs ?? 2 * HOUR_MS;
  const nights = periods.filter((period) => !period.isNap);
  const naps = periods.filter((period) => period.isNap);
  // Offsets from the midnight of the wake-up day, so nights line up by the clock.
  const relative = nights.flatMap((night) => [night.start - dayOf(night.end), night.end - dayOf(night.end)]);
  const windowStart =
    relative.length === 0 ? -3 * HOUR_MS : Math.floor(Math.min(...relative) / HOUR_MS) * HOUR_MS;
  const windowEnd =
    relative.length === 0 ? 9 * HOUR_MS : Math.ceil(Math.max(...relative) / HOUR_MS) * HOUR_MS;
  const columns = Math.max(20, options.width - LABEL_WIDTH - 2 - TOTAL_WIDTH);
  const msPerColumn = (windowEnd - windowStart) / columns;

  const days = [...nights.map((night) => dayOf(night.end)), ...naps.map((nap) => dayOf(nap.start))];
  const first = Math.min(...days);
  const last = Math.max(...days);
  const used = new Set<string>();
  const lines: string[] = [];
  for (let day = first; day <= last; day += DAY_MS) {
    const label = dayLabel(day);
    const ofDay = nights.filter((night) => dayOf(night.end) === day);
    if (ofDay.length === 0) {
      lines.push(`${label} │ ${NO_DATA} no sleep recorded`);
    } else {
      const cells: string[] = [];
      for (let column = 0; column < columns; column += 1) {
        const time = day + windowStart + (column + 0.5) * msPerColumn;
        const night = ofDay.find((period) => period.start <= time && time < period.end);
        const stage = night === undefined ? ' ' : stageAt(night, time, maxGap);
        const cell = stage === undefined ? NO_DATA : stage === ' ' ? ' ' : (CELLS.get(stage) ?? NO_DATA);
        if (stage !== ' ') used.add(stage ?? NO_DATA);
        cells.push(cell);
      }
      const asleep = ofDay.reduce(
        (sum, night) => sum + (night.asleepSeconds ?? (night.end - night.start) / 1000),
        0,
      );
      lines.push(`${label} │${cells.join('')}${durationLabel(asleep).padStart(TOTAL_WIDTH)}`);
    }
    for (const nap of naps.filter((period) => dayOf(period.start) === day)) {
      const asleep = nap.asleepSeconds ?? (nap.end - nap.start) / 1000;
      lines.push(
        `${'nap'.padStart(LABEL_WIDTH)} │ ${clockLabel(nap.start)}–${clockLabel(nap.end)}, ${durationLabel(asleep)} asleep`,
      );
    }
  }
  const legend = [
    ...STAGE_CELLS.filter(([stage]) => used.has(stage)).map(([, cell, name]) => `${cell} ${name}`),
    ...(used.has(NO_DATA) ? [`${NO_DATA} no data`] : []),
  ].join('  ');
  const pad = ' '.repeat(LABEL_WIDTH + 1);
  return [
    "sleep by night (rows: wake-up date; wearer's local time)",
    ...(legend === '' ? [] : [legend]),
    ...lines,
    `${pad}└${'─'.repeat(columns)}`,
    `${pad}${hourAxis(windowStart, windowEnd, columns)}`,
    '',
  ].join('\n');
}
