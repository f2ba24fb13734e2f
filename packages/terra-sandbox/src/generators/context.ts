import type { TerraUser } from 'terra-ts';
import { GeneratorInputError } from './errors.js';

export type { TerraUser };

/** What every generator needs: the sandbox seed and the user whose data it makes. */
export interface GeneratorContext {
  /** The sandbox seed; together with the user id, the day and the data type it fixes every value. */
  seed: number;
  /** The wire user (only `user_id` and `provider` shape the data). */
  user: TerraUser;
}

/** Options shared by the per-day data generators. */
export interface GenerateOptions {
  /** Include the detailed sample arrays; when false they are null and only summaries remain. */
  withSamples: boolean;
}

/** Reads `withSamples` from generator options; absent means false (Terra's default). */
export function readWithSamples(opts: Partial<GenerateOptions> | undefined): boolean {
  const value = opts?.withSamples;
  if (value === undefined) return false;
  if (typeof value !== 'boolean') {
    throw new GeneratorInputError(`opts.withSamples must be true or false, got ${JSON.stringify(value)}.`);
  }
  return value;
}
