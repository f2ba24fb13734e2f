import { TerraInvalidArgumentError } from '../../errors/terra-invalid-argument-error.js';

/** Terra's own SDK helpers accept deliveries signed up to 300 s before or after the receiver's clock. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

/**
 * Validates a timestamp tolerance. `0`, negative and non-numeric values are refused rather than
 * read as "no check": switching replay protection off takes an explicit `Infinity`.
 */
export function resolveTolerance(toleranceSeconds: number | undefined): number {
  if (toleranceSeconds === undefined) return DEFAULT_TOLERANCE_SECONDS;
  if (typeof toleranceSeconds !== 'number' || Number.isNaN(toleranceSeconds) || toleranceSeconds <= 0) {
    throw new TerraInvalidArgumentError(
      'toleranceSeconds',
      `toleranceSeconds must be a number of seconds greater than 0 (default ${DEFAULT_TOLERANCE_SECONDS}); got ${String(toleranceSeconds)}. To skip the timestamp check on purpose, pass Infinity.`,
    );
  }
  return toleranceSeconds;
}
