import { DAY_SECONDS } from './calendar.js';
import type { Persona } from './persona.js';
import type { TimeZone } from './time-zone.js';

/**
 * Epoch seconds of a wall-clock time in a zone: `minutes` after local midnight of `dayNumber`
 * (`minutes` may pass 1440 into the next day). A time the clocks skip (02:30 on a spring-forward night)
 * is read in the offset before the change, so it lands just after it (03:30), as a wearable's clock
 * would; a time that happens twice (01:30 on a fall-back night) is the first of the two.
 */
export function zonedToEpoch(zone: TimeZone, dayNumber: number, minutes: number): number {
  const wall = dayNumber * DAY_SECONDS + Math.round(minutes * 60);
  // Offsets never exceed 14 hours, so a day either side of the wall time reads the offsets around it.
  const before = zone.offsetAt(wall - DAY_SECONDS);
  const after = zone.offsetAt(wall + DAY_SECONDS);
  const early = wall - Math.max(before, after) * 60;
  const late = wall - Math.min(before, after) * 60;
  if (zone.offsetAt(early) * 60 === wall - early) return early;
  if (zone.offsetAt(late) * 60 === wall - late) return late;
  return wall - before * 60;
}

/** Epoch seconds of a local wall-clock time: `minutes` after local midnight of `dayNumber` in the persona's zone. */
export function localToEpoch(persona: Persona, dayNumber: number, minutes: number): number {
  return zonedToEpoch(persona.timeZone, dayNumber, minutes);
}

/** Epoch seconds of local midnight starting `dayNumber` in the persona's zone. */
export function localMidnight(persona: Persona, dayNumber: number): number {
  return zonedToEpoch(persona.timeZone, dayNumber, 0);
}

/** Minutes in local day `dayNumber`: 1440, or 1380 / 1500 on the days the clocks change. */
export function localDayMinutes(persona: Persona, dayNumber: number): number {
  return (localMidnight(persona, dayNumber + 1) - localMidnight(persona, dayNumber)) / 60;
}

/**
 * How the clock on the wall reads through local day `dayNumber`, for patterns people live by the clock
 * (the commute at 08:00, work from 09:00, the dawn rise): the minute `switchAt` elapsed minutes after
 * midnight is where the clocks change, and from there the wall reads `shift` minutes more (+60 when
 * they spring forward, so 02:00-02:59 never happens; -60 when they fall back). On an ordinary day
 * `shift` is 0 and the wall reads exactly the elapsed minutes.
 */
export interface DayClock {
  readonly switchAt: number;
  readonly shift: number;
}

/** The clock of local day `dayNumber` in the persona's zone (see {@link DayClock}). */
export function dayClockOf(persona: Persona, dayNumber: number): DayClock {
  const start = localMidnight(persona, dayNumber);
  const end = localMidnight(persona, dayNumber + 1);
  const span = persona.timeZone.spanAt(start);
  // Only a change inside the day counts, so an ordinary day keeps its elapsed minutes even past midnight.
  if (span.to >= end) return { switchAt: Number.POSITIVE_INFINITY, shift: 0 };
  return {
    switchAt: (span.to - start) / 60,
    shift: persona.timeZone.offsetAt(span.to) - span.offsetMinutes,
  };
}

/**
 * The wall-clock minute of day (minutes after local midnight as the clock reads them) at `elapsed`
 * minutes after midnight. After a fall-back the repeated hour reads the same wall minutes twice, so a
 * pattern keyed by the clock is lived twice through that hour, as a person whose day runs by the clock
 * would; before and after it, everything sits at its usual wall-clock time.
 */
export function wallMinuteOf(clock: DayClock, elapsed: number): number {
  return elapsed < clock.switchAt ? elapsed : elapsed + clock.shift;
}

/** The local day number of an epoch-seconds instant in the persona's zone. */
export function localDayOf(persona: Persona, epochSeconds: number): number {
  return Math.floor((epochSeconds + persona.timeZone.offsetAt(epochSeconds) * 60) / DAY_SECONDS);
}
