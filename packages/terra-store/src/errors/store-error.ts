/** The base class of every error terra-store throws. */
export class TerraStoreError extends Error {
  /** @param message - what went wrong and what to do. */
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}
