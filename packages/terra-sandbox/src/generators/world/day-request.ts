import type { DataType } from 'terra-ts';
import { parseDay } from './calendar.js';
import { type GenerateOptions, type GeneratorContext, readNow, readWithSamples } from './context.js';
import { type Persona, personaOf } from './persona.js';

/** What every per-day generator starts from: its arguments, checked, and the user's persona. */
export interface DayRequest {
  /** The local day, as days since 1970-01-01. */
  readonly dayNumber: number;
  /** Whether records carry their sample arrays. */
  readonly withSamples: boolean;
  /** The instant the day is read at (epoch ms); undefined: the day as it will have been. */
  readonly now: number | undefined;
  /** Who the user is. */
  readonly persona: Persona;
}

/**
 * The shared opening of the per-day generators: checks the day and options (a malformed one is a
 * `GeneratorInputError`, in argument order) and finds the persona. Undefined when the user's provider
 * does not record `type`, which the generator answers with no records.
 */
export function openDay(
  ctx: GeneratorContext,
  day: string,
  opts: Partial<GenerateOptions> | undefined,
  type: DataType,
): DayRequest | undefined {
  const dayNumber = parseDay(day);
  const withSamples = readWithSamples(opts);
  const now = readNow(opts);
  const persona = personaOf(ctx);
  if (!persona.profile.dataTypes.includes(type)) return undefined;
  return { dayNumber, withSamples, now, persona };
}
