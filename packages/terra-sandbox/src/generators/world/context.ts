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
  /**
   * The instant the data is read at, in epoch milliseconds: nothing after it exists yet. Today's
   * daily, body, nutrition and menstruation hold what happened up to the last whole 15-minute
   * window before it; a workout or a sleep appears once it has ended. Absent: every day is read
   * as complete (what it will have been). The same seed and the same `now` give the same data.
   */
  now?: number;
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

/** Reads `now` from generator options: undefined (no cut) or finite epoch milliseconds. */
export function readNow(opts: Partial<GenerateOptions> | undefined): number | undefined {
  const value = opts?.now;
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new GeneratorInputError(
      `opts.now must be epoch milliseconds (a finite number, e.g. Date.now()), got ${JSON.stringify(value)}.`,
    );
  }
  return value;
}
