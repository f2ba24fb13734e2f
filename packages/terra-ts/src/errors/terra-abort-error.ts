import { TerraError } from './terra-error.js';

/**
 * The caller's `signal` was aborted. Never retried.
 *
 * `cause` holds the signal's `reason` when one was given.
 */
export class TerraAbortError extends TerraError {}
