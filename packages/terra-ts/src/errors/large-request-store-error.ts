import { TerraError } from './terra-error.js';

/** The `LargeRequestStore` operations a {@link LargeRequestStoreError} can come from. */
export type LargeRequestStoreOperation = 'addDelivery' | 'announce' | 'claimCompletion' | 'get';

/**
 * Thrown by `LargeRequestTracker.observeAsync` and `progressAsync` when the store failed (its `cause`
 * is what the store threw) or answered with something other than what `LargeRequestStore` promises.
 *
 * Nothing is lost: let it reach your webhook handler so the delivery is answered with a non-2xx status
 * and Terra retries it. A retried delivery counts once, so the retry picks up where this one stopped.
 * The message names the operation and the `terra-reference`; it never includes the store's own error
 * text (which may hold a connection string), so read `cause` for that.
 */
export class LargeRequestStoreError extends TerraError {
  /** The store operation that failed. */
  readonly operation: LargeRequestStoreOperation;
  /** The `terra-reference` of the request it was for. */
  readonly reference: string;

  /**
   * @param message - what failed and what to do.
   * @param operation - the store operation.
   * @param reference - the request's `terra-reference`.
   */
  constructor(
    message: string,
    operation: LargeRequestStoreOperation,
    reference: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.operation = operation;
    this.reference = reference;
  }
}
