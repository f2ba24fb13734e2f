import { TerraConnectionError } from './terra-connection-error.js';

/**
 * One attempt took longer than `timeoutMs` (default 60 s) to return its whole body.
 *
 * Thrown after the retries are used up. Large `toWebhook: false` ranges are the usual cause:
 * ask for shorter ranges, raise `timeoutMs`, or let Terra deliver to your webhook.
 */
export class TerraTimeoutError extends TerraConnectionError {
  /** The per-attempt limit that was exceeded, in milliseconds. */
  readonly timeoutMs: number;

  /**
   * @param message - what timed out.
   * @param timeoutMs - the per-attempt limit in milliseconds.
   */
  constructor(message: string, timeoutMs: number) {
    super(message);
    this.timeoutMs = timeoutMs;
  }
}
