import { TerraError } from './terra-error.js';

/**
 * A response body (an API answer, an upload's answer or an `s3_payload` download) grew past the
 * `maxResponseBytes` limit, counted on the decoded bytes (after gzip, deflate or brotli). Reading stopped at
 * the limit and the connection was closed, so a hostile or broken server cannot exhaust memory with a
 * compression bomb or an endless body. Not retried: the same request would get the same answer.
 *
 * Raise `maxResponseBytes` (client option, or per call) only if Terra really sends bodies this large; the
 * default is {@link DEFAULT_MAX_RESPONSE_BYTES}.
 */
export class TerraResponseTooLargeError extends TerraError {
  /** The limit that was reached, in decoded bytes. */
  readonly maxResponseBytes: number;

  /**
   * @param message - which call, and what to do.
   * @param maxResponseBytes - the limit in bytes.
   */
  constructor(message: string, maxResponseBytes: number) {
    super(message);
    this.maxResponseBytes = maxResponseBytes;
  }
}

/**
 * The default `maxResponseBytes`: 256 MiB of decoded body. Terra's largest real answers are tens of
 * megabytes (a month of detailed activity samples; large requests arrive in chunks of about 10 MB), so this
 * leaves a wide margin, while staying far below what a JavaScript string can hold (V8: about 512 Mi UTF-16
 * units), so the body text can always be built.
 */
export const DEFAULT_MAX_RESPONSE_BYTES = 256 * 1024 * 1024;

/**
 * The {@link TerraResponseTooLargeError} of one call (`label` is `METHOD /path`).
 *
 * @internal
 */
export function responseTooLarge(label: string, maxResponseBytes: number): TerraResponseTooLargeError {
  return new TerraResponseTooLargeError(
    `${label} answered with a body larger than maxResponseBytes (${maxResponseBytes} bytes, decoded); reading stopped there and the connection was closed. Ask for a shorter range, or raise the maxResponseBytes option if Terra really sends bodies this large`,
    maxResponseBytes,
  );
}
