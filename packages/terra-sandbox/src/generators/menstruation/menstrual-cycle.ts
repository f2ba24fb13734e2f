import { MenstruationInterval } from 'terra-ts';
import type { GeneratorContext } from '../world/context.js';
import { clamp } from '../world/numbers.js';
import type { CyclePattern, Persona } from '../world/persona.js';
import { createRandom } from '../world/random.js';

/** A phase of one cycle: day offsets from the cycle's first day, `to` excluded. */
export interface PhaseSpan {
  readonly phase: number;
  readonly from: number;
  readonly to: number;
}

/** One menstrual cycle, laid out in whole local days. */
export interface Cycle {
  readonly startDay: number;
  readonly lengthDays: number;
  readonly periodDays: number;
  /** Offset of ovulation from the first day (the luteal phase lasts about 14 days). */
  readonly ovulationOffset: number;
  readonly phases: readonly PhaseSpan[];
}

/**
 * The cycle containing local day `day`. Cycles are laid end to end from the persona's anchor
 * period, each a day or two off the mean, so any day's cycle is found without generating others.
 */
export function cycleContaining(
  ctx: GeneratorContext,
  persona: Persona,
  pattern: CyclePattern,
  day: number,
): Cycle {
  let index = 0;
  let start = pattern.anchorDay;
  if (day >= start) {
    while (start + cycleLength(ctx, persona, pattern, index) <= day) {
      start += cycleLength(ctx, persona, pattern, index);
      index++;
    }
  } else {
    while (start > day) {
      index--;
      start -= cycleLength(ctx, persona, pattern, index);
    }
  }
  return layOut(start, cycleLength(ctx, persona, pattern, index), pattern.periodDays);
}

/** The phase of a day offset within a cycle. */
export function phaseOn(cycle: Cycle, offset: number): PhaseSpan {
  for (const span of cycle.phases) if (offset >= span.from && offset < span.to) return span;
  return cycle.phases[cycle.phases.length - 1] as PhaseSpan;
}

function cycleLength(ctx: GeneratorContext, persona: Persona, pattern: CyclePattern, index: number): number {
  const rng = createRandom(ctx.seed, persona.userId, 'cycle', String(index));
  return Math.round(clamp(rng.normal(pattern.meanLengthDays, 1.3), 24, 36));
}

function layOut(startDay: number, lengthDays: number, periodDays: number): Cycle {
  const ovulationOffset = lengthDays - 14;
  const fertileFrom = Math.max(periodDays, ovulationOffset - 5);
  const pmsFrom = lengthDays - 3;
  const candidates: PhaseSpan[] = [
    { phase: MenstruationInterval.PERIOD, from: 0, to: periodDays },
    { phase: MenstruationInterval.FOLLICULAR, from: periodDays, to: fertileFrom },
    { phase: MenstruationInterval.FERTILE_WINDOW, from: fertileFrom, to: ovulationOffset },
    { phase: MenstruationInterval.OVULATION, from: ovulationOffset, to: ovulationOffset + 1 },
    { phase: MenstruationInterval.LUTEAL, from: ovulationOffset + 1, to: pmsFrom },
    { phase: MenstruationInterval.PMS, from: pmsFrom, to: lengthDays },
  ];
  return {
    startDay,
    lengthDays,
    periodDays,
    ovulationOffset,
    phases: candidates.filter((span) => span.to > span.from),
  };
}

/** Body temperature shift from the cycle: about +0.3 °C after ovulation, as progesterone rises. */
export function cycleTemperatureShift(ctx: GeneratorContext, persona: Persona, day: number): number {
  if (!persona.cycle) return 0;
  const cycle = cycleContaining(ctx, persona, persona.cycle, day);
  return day - cycle.startDay > cycle.ovulationOffset ? 0.3 : 0;
}
