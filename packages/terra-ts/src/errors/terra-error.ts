/**
 * The base class of every error terra-ts throws.
 *
 * Catch `TerraError` to handle anything that went wrong in a Terra call or a webhook,
 * and narrow with `instanceof` on the subclasses. Messages never contain the API key
 * or the webhook signing secret.
 */
export class TerraError extends Error {
  /** @param message - what went wrong and what to do about it. */
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}
