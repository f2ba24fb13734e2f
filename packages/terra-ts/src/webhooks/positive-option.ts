import { TerraInvalidArgumentError } from '../errors/terra-invalid-argument-error.js';

/** Returns `value` if it is a number greater than 0, else throws naming the option. */
export function positiveOption(name: string, value: number): number {
  if (typeof value !== 'number' || !(value > 0)) {
    throw new TerraInvalidArgumentError(
      name,
      `${name} must be a number greater than 0; got ${String(value)}.`,
    );
  }
  return value;
}
