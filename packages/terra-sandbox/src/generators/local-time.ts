import { DAY_SECONDS } from './calendar.js';
import type { Persona } from './persona.js';

/** Epoch seconds of a local wall-clock time: `minutes` after local midnight of `dayNumber` in the persona's zone. */
export function localToEpoch(persona: Persona, dayNumber: number, minutes: number): number {
  return dayNumber * DAY_SECONDS + Math.round(minutes * 60) - persona.offsetMinutes * 60;
}

/** Epoch seconds of local midnight starting `dayNumber` in the persona's zone. */
export function localMidnight(persona: Persona, dayNumber: number): number {
  return dayNumber * DAY_SECONDS - persona.offsetMinutes * 60;
}
