import type { Menstruation, MenstruationFlowSample, MenstruationIntervalSample } from 'terra-ts';
import { recordedMinutes } from '../world/as-of.js';
import { formatDay } from '../world/calendar.js';
import type { GenerateOptions, GeneratorContext } from '../world/context.js';
import { openDay } from '../world/day-request.js';
import { localDayMinutes, localMidnight, localToEpoch } from '../world/local-time.js';
import type { Persona } from '../world/persona.js';
import { TimestampFormatter } from '../world/timestamps.js';
import { type Cycle, cycleContaining, phaseOn } from './menstrual-cycle.js';

/** Flow on each period day (Terra MenstruationFlow: 2 light, 3 medium, 4 heavy). */
const FLOW_BY_PERIOD_DAY = [3, 4, 3, 2, 2, 2] as const;

/**
 * The menstrual-cycle status of a local day (`YYYY-MM-DD`) for personas who have cycles (none for
 * others): day in cycle, current phase (Terra MenstruationInterval numbers) with its length and the
 * days until the next, the cycle's phase intervals, fertile window, ovulation day and, on period
 * days, a flow sample. Cycles run 24-36 days around the persona's mean, ovulation ~14 days before
 * the next period. With `now`, a day in progress is as it stood at its last whole 15-minute window
 * (`end_time` and `last_updated_time` at that cut at the latest; the 08:00 flow sample once logged).
 * The cycle's phase `intervals` and the ovulation and fertile-window dates are the current cycle's
 * forecast, as period trackers show it, so they name later dates by nature.
 *
 * @example
 * const [status] = generateMenstruation({ seed: 1, user }, '2026-03-01', { withSamples: true });
 */
export function generateMenstruation(
  ctx: GeneratorContext,
  day: string,
  opts?: Partial<GenerateOptions>,
): Menstruation[] {
  const request = openDay(ctx, day, opts, 'menstruation');
  const model = request?.persona.cycle;
  if (!request || !model) return [];
  const { dayNumber, withSamples, now, persona } = request;
  const dayMinutes = localDayMinutes(persona, dayNumber);
  const minutes = recordedMinutes(localMidnight(persona, dayNumber), dayMinutes, now);
  if (minutes === 0) return [];
  const cycle = cycleContaining(ctx, persona, model, dayNumber);
  const cut = minutes === dayMinutes ? undefined : localMidnight(persona, dayNumber) + minutes * 60;
  return [buildMenstruation(persona, model.meanLengthDays, cycle, dayNumber, cut, withSamples)];
}

/** `cutSeconds`: the end of what a day in progress has recorded (undefined for a complete day). */
function buildMenstruation(
  persona: Persona,
  predictedLength: number,
  cycle: Cycle,
  day: number,
  cutSeconds: number | undefined,
  withSamples: boolean,
): Menstruation {
  const fmt = new TimestampFormatter(persona.timeZone);
  const offset = day - cycle.startDay;
  const span = phaseOn(cycle, offset);
  const midnight = (d: number) => fmt.format(localMidnight(persona, d));
  const flowAt = localToEpoch(persona, day, 8 * 60);
  const updatedAt = localToEpoch(persona, day, 21 * 60);
  const flow: MenstruationFlowSample[] =
    offset < cycle.periodDays && (cutSeconds === undefined || flowAt <= cutSeconds)
      ? [{ timestamp: fmt.format(flowAt), flow: FLOW_BY_PERIOD_DAY[offset] ?? 2 }]
      : [];
  const intervals: MenstruationIntervalSample[] = cycle.phases.map((p) => ({
    start_timestamp: midnight(cycle.startDay + p.from),
    end_timestamp: midnight(cycle.startDay + p.to),
    phase: p.phase,
  }));
  const ovulation = cycle.startDay + cycle.ovulationOffset;
  return {
    metadata: {
      start_time: midnight(day),
      end_time: cutSeconds === undefined ? midnight(day + 1) : fmt.format(cutSeconds),
      timestamp_localization: 1,
    },
    menstruation_data: {
      day_in_cycle: offset + 1,
      current_phase: span.phase,
      length_of_current_phase_days: span.to - span.from,
      days_until_next_phase: span.to - offset,
      period_start_date: formatDay(cycle.startDay),
      period_length_days: cycle.periodDays,
      cycle_length_days: cycle.lengthDays,
      predicted_cycle_length_days: predictedLength,
      is_predicted_cycle: false,
      ovulation_day: formatDay(ovulation),
      fertility_window_start: formatDay(ovulation - 5),
      fertility_window_end: formatDay(ovulation),
      last_updated_time: fmt.format(cutSeconds === undefined ? updatedAt : Math.min(updatedAt, cutSeconds)),
      menstruation_flow: withSamples ? flow : null,
      intervals: withSamples ? intervals : null,
    },
  };
}
