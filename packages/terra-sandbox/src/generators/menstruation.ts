import type { Menstruation, MenstruationFlowSample, MenstruationIntervalSample } from 'terra-ts';
import { formatDay, parseDay } from './calendar.js';
import { type GenerateOptions, type GeneratorContext, readWithSamples } from './context.js';
import { localMidnight, localToEpoch } from './local-time.js';
import { type Cycle, cycleContaining, phaseOn } from './menstrual-cycle.js';
import { type Persona, personaOf } from './persona.js';
import { TimestampFormatter } from './timestamps.js';

/** Flow on each period day (Terra MenstruationFlow: 2 light, 3 medium, 4 heavy). */
const FLOW_BY_PERIOD_DAY = [3, 4, 3, 2, 2, 2] as const;

/**
 * The menstrual-cycle status of a local day (`YYYY-MM-DD`) for personas who have cycles (none for
 * others): day in cycle, current phase (Terra MenstruationInterval numbers) with its length and the
 * days until the next, the cycle's phase intervals, fertile window, ovulation day and, on period
 * days, a flow sample. Cycles run 24-36 days around the persona's mean, ovulation ~14 days before
 * the next period.
 *
 * @example
 * const [status] = generateMenstruation({ seed: 1, user }, '2026-03-01', { withSamples: true });
 */
export function generateMenstruation(
  ctx: GeneratorContext,
  day: string,
  opts?: Partial<GenerateOptions>,
): Menstruation[] {
  const dayNumber = parseDay(day);
  const withSamples = readWithSamples(opts);
  const persona = personaOf(ctx);
  if (!persona.cycle || !persona.profile.dataTypes.includes('menstruation')) return [];
  const cycle = cycleContaining(ctx, persona, persona.cycle, dayNumber);
  return [buildMenstruation(persona, persona.cycle.meanLengthDays, cycle, dayNumber, withSamples)];
}

function buildMenstruation(
  persona: Persona,
  predictedLength: number,
  cycle: Cycle,
  day: number,
  withSamples: boolean,
): Menstruation {
  const fmt = new TimestampFormatter(persona.timeZone);
  const offset = day - cycle.startDay;
  const span = phaseOn(cycle, offset);
  const midnight = (d: number) => fmt.format(localMidnight(persona, d));
  const flow: MenstruationFlowSample[] =
    offset < cycle.periodDays
      ? [
          {
            timestamp: fmt.format(localToEpoch(persona, day, 8 * 60)),
            flow: FLOW_BY_PERIOD_DAY[offset] ?? 2,
          },
        ]
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
      end_time: midnight(day + 1),
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
      last_updated_time: fmt.format(localToEpoch(persona, day, 21 * 60)),
      menstruation_flow: withSamples ? flow : null,
      intervals: withSamples ? intervals : null,
    },
  };
}
