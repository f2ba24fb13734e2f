import { TerraError } from './terra-error.js';

/**
 * Thrown before any request is sent when an argument is missing or malformed
 * (an empty user id, a date that is not a real calendar day, an end date before the start date, ...).
 *
 * The message names the argument and says what to pass instead.
 */
export class TerraInvalidArgumentError extends TerraError {
  /** The option or parameter that was wrong, e.g. `startDate` or `apiKey`. */
  readonly argument: string;

  /**
   * @param argument - the option or parameter that was wrong.
   * @param message - what was wrong and what to pass.
   */
  constructor(argument: string, message: string) {
    super(message);
    this.argument = argument;
  }
}
