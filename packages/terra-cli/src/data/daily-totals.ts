import type { DayTotal } from '../charts/day-bars.js';
import { getPath } from '../output/fields.js';
import { dayOf, wallClockMs } from './wall-clock.js';

/**
 * Steps per day from daily records: `distance_data.steps` of each day (the last record of a day wins, as Terra
 * sends updated dailies for the same day), keyed by the wearer's calendar day. A day whose `end_time` is after
 * `now` is marked partial.
 */
export function dailyStepTotals(records: readonly unknown[], now: number): DayTotal[] {
  const totals = new Map<number, DayTotal>();
  for (const record of records) {
    const start = wallClockMs(getPath(record, 'metadata.start_time'));
    const steps = Number(getPath(record, 'distance_data.steps'));
    if (start === undefined || getPath(record, 'distance_data.steps') == null || !Number.isFinite(steps))
      continue;
    const end = Date.parse(String(getPath(record, 'metadata.end_time')));
    totals.set(dayOf(start), { day: dayOf(start), value: steps, partial: Number.isFinite(end) && end > now });
  }
  return [...totals.values()].sort((a, b) => a.day - b.day);
}
