/** One attempt of a request, as the request loop hands it to a transport. */
export interface Attempt {
  readonly url: string;
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  /** A JSON text, `FormData` (uploads), or nothing. */
  readonly body: string | FormData | undefined;
  /** The whole attempt's limit, body read included. */
  readonly timeoutMs: number;
  /** The caller's signal. */
  readonly signal: AbortSignal | undefined;
  /** Whether the request may be sent twice (GET, DELETE, PATCH, read-only POSTs). */
  readonly idempotent: boolean;
  /** The most decoded body bytes to read; past it the transport stops and rejects with {@link ResponseTooLarge}. */
  readonly maxResponseBytes: number;
}

/** An answer with its body read in full. */
export interface ReceivedResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

/**
 * Sends one attempt and reads the whole body within `timeoutMs`. Rejects with {@link AttemptTimedOut} when
 * the time runs out, with {@link ResponseTooLarge} when the decoded body passes `maxResponseBytes`, with the caller's abort reason when the signal aborts, and with the network error
 * otherwise; on any of them the connection is torn down.
 */
export type Transport = (attempt: Attempt) => Promise<ReceivedResponse>;

/** The marker a transport rejects with when an attempt runs out of time (the loop turns it into `TerraTimeoutError`). */
export class AttemptTimedOut extends Error {
  constructor() {
    super('the attempt ran out of time');
    this.name = 'AttemptTimedOut';
  }
}

/**
 * The marker a transport rejects with when the decoded body passes `maxResponseBytes`: reading and
 * decompressing stopped there and the connection was closed (the loop turns it into `TerraResponseTooLargeError`).
 */
export class ResponseTooLarge extends Error {
  /** The limit, in decoded bytes. */
  readonly maxResponseBytes: number;

  /** @param maxResponseBytes - the limit that was passed. */
  constructor(maxResponseBytes: number) {
    super(`the response body is longer than ${maxResponseBytes} bytes`);
    this.name = 'ResponseTooLarge';
    this.maxResponseBytes = maxResponseBytes;
  }
}

/**
 * A kept-alive connection was found closed when a request went out on it, before any answer: usually the
 * server closed it while it sat idle. The loop retries this at once (no backoff) when the request is safe to
 * repeat and retries remain; like any retry it counts against `maxRetries`.
 */
export class ReusedConnectionClosed extends Error {
  /** The socket error's code (`ECONNRESET`), for the connection error's message. */
  readonly code: string = 'ECONNRESET';

  /** @param cause - the socket error. */
  constructor(cause: Error) {
    super('a reused keep-alive connection was closed by the server', { cause });
    this.name = 'ReusedConnectionClosed';
  }
}
