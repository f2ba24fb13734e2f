import { DATA_TYPES, type DataType, GENERATORS, generateAthlete } from '../generators/index.js';
import type { TerraUser } from '../state/types.js';

export { DATA_TYPES, type DataType };

/** What a generator needs: data is a pure function of (seed, user, day, type). */
export interface GeneratorContext {
  seed: number;
  user: TerraUser;
}

/** Records of one type for one day (`YYYY-MM-DD`), from the deterministic generators. */
export function recordsForDay(
  type: DataType,
  ctx: GeneratorContext,
  day: string,
  options: { withSamples: boolean; now?: number },
): unknown[] {
  return GENERATORS[type](ctx, day, options);
}

/** The athlete profile of a user. */
export function athleteFor(ctx: GeneratorContext): unknown {
  return generateAthlete(ctx);
}
