import { TerraInvalidArgumentError } from '../../errors/terra-invalid-argument-error.js';
import { WebhookVerificationError } from '../../errors/webhook-verification-error.js';

/**
 * Default cap on a webhook body read by the adapters: 100 MiB. Terra's largest deliveries (a month of
 * detailed activity samples) run to tens of megabytes; the cap only stops a sender from making the
 * server buffer an unbounded body.
 */
export const DEFAULT_MAX_WEBHOOK_BODY_BYTES = 100 * 1024 * 1024;

/**
 * Default time the adapters give a whole webhook body to arrive: 60 s. Terra sends from a data centre, so
 * even its largest deliveries (tens of megabytes) take seconds; a sender trickling a body is cut off with a
 * 408 instead of holding a request, its buffers and a socket open indefinitely.
 */
export const DEFAULT_WEBHOOK_READ_TIMEOUT_MS = 60_000;

/** Validates a `readTimeoutMs` option (a whole number of milliseconds a timer can hold). */
export function resolveReadTimeoutMs(value: number | undefined): number {
  if (value === undefined) return DEFAULT_WEBHOOK_READ_TIMEOUT_MS;
  if (Number.isInteger(value) && value > 0 && value <= 2_147_483_647) return value;
  throw new TerraInvalidArgumentError(
    'readTimeoutMs',
    `readTimeoutMs must be a whole number of milliseconds from 1 to 2147483647 (default ${DEFAULT_WEBHOOK_READ_TIMEOUT_MS}); got ${String(value)}.`,
  );
}

/** The `body_timeout` error for a body that did not arrive in time. */
export function bodyTimedOut(timeoutMs: number): WebhookVerificationError {
  return new WebhookVerificationError(
    'body_timeout',
    `The webhook body did not arrive in full within ${timeoutMs} ms; the sender is too slow or stalled. Raise the handler's readTimeoutMs option if Terra's deliveries really take this long.`,
  );
}

/** Validates a `maxBodyBytes` option (a positive integer, or `Infinity` for no cap). */
export function resolveMaxBodyBytes(value: number | undefined): number {
  if (value === undefined) return DEFAULT_MAX_WEBHOOK_BODY_BYTES;
  if (value === Number.POSITIVE_INFINITY || (Number.isInteger(value) && value > 0)) return value;
  throw new TerraInvalidArgumentError(
    'maxBodyBytes',
    `maxBodyBytes must be a whole number of bytes greater than 0 (default ${DEFAULT_MAX_WEBHOOK_BODY_BYTES}), or Infinity for no limit; got ${String(value)}.`,
  );
}

/** The `payload_too_large` error for a body over `maxBytes`. */
export function bodyTooLarge(maxBytes: number, seen: number | undefined): WebhookVerificationError {
  const size = seen === undefined ? 'longer than' : `${seen} bytes, over`;
  return new WebhookVerificationError(
    'payload_too_large',
    `The webhook body is ${size} the ${maxBytes}-byte limit; raise the handler's maxBodyBytes option if Terra really sends bodies this large.`,
  );
}

/** Throws `payload_too_large` when a `content-length` header already announces a body over the cap. */
export function checkDeclaredLength(declared: string | null | undefined, maxBytes: number): void {
  if (declared === null || declared === undefined) return;
  const length = Number(declared);
  if (Number.isFinite(length) && length > maxBytes) throw bodyTooLarge(maxBytes, length);
}

/**
 * Reads chunks into one `Uint8Array`, stopping with `payload_too_large` as soon as the total passes
 * `maxBytes`, so an endless body is never buffered, and with `body_timeout` when the whole body has not
 * arrived within `timeoutMs`. The iterator is left as it is on either (not `return()`ed): for a Node
 * request that would destroy the socket before the 413 or 408 could be sent. A read still pending then
 * settles when the connection closes; its outcome is ignored.
 */
export async function readChunks(
  iterator: AsyncIterator<unknown>,
  maxBytes: number,
  toBytes: (chunk: unknown) => Uint8Array,
  timeoutMs: number = DEFAULT_WEBHOOK_READ_TIMEOUT_MS,
): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let total = 0;
  let expire: ((error: Error) => void) | undefined;
  const timer = setTimeout(() => expire?.(bodyTimedOut(timeoutMs)), timeoutMs);
  try {
    for (;;) {
      const next = iterator.next();
      const step = await new Promise<IteratorResult<unknown>>((resolve, reject) => {
        expire = (error) => {
          next.then(undefined, () => {});
          reject(error);
        };
        next.then(resolve, reject);
      });
      if (step.done) break;
      const bytes = toBytes(step.value);
      total += bytes.length;
      if (total > maxBytes) throw bodyTooLarge(maxBytes, undefined);
      parts.push(bytes);
    }
  } finally {
    expire = undefined;
    clearTimeout(timer);
  }
  if (parts.length === 1) return parts[0] as Uint8Array;
  const joined = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
}
