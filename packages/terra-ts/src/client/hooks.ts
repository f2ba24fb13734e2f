/**
 * One attempt about to be sent, as `beforeRequest` sees it. Change `headers` to add your own (a tracing
 * `traceparent`, a request id); the credentials are not in it and are added after the hook, so a hook can
 * neither read nor replace them.
 */
export interface BeforeRequestContext {
  /** `GET`, `POST`, `PATCH` or `DELETE`. */
  readonly method: string;
  /** The full URL, query included. */
  readonly url: string;
  /** `METHOD /path` (no query), a name for a span or a log line. */
  readonly label: string;
  /** 1 for the first attempt, 2 for the first retry, ... */
  readonly attempt: number;
  /** The headers to send, credentials left out. Add or change entries; values must be strings. */
  headers: Record<string, string>;
}

/** One attempt finished, as `afterResponse` sees it: with a `status` when the server answered, else an `error`. */
export interface AfterResponseContext {
  /** `GET`, `POST`, `PATCH` or `DELETE`. */
  readonly method: string;
  /** The full URL, query included. */
  readonly url: string;
  /** `METHOD /path` (no query). */
  readonly label: string;
  /** 1 for the first attempt, 2 for the first retry, ... */
  readonly attempt: number;
  /** The HTTP status, when an answer arrived (a 4xx or 5xx too). */
  readonly status: number | undefined;
  /** The response headers, when an answer arrived. */
  readonly headers: Headers | undefined;
  /** Milliseconds from sending to the whole body read (or the failure). */
  readonly durationMs: number;
  /** What went wrong when no answer arrived (a timeout, a reset, a body too large), already redacted. */
  readonly error: Error | undefined;
}

/** A retry about to wait, as `onRetry` sees it. */
export interface RetryContext {
  /** `GET`, `POST`, `PATCH` or `DELETE`. */
  readonly method: string;
  /** The full URL, query included. */
  readonly url: string;
  /** `METHOD /path` (no query). */
  readonly label: string;
  /** The attempt that failed (1 for the first). */
  readonly attempt: number;
  /** How long the loop waits before the next attempt, in milliseconds. */
  readonly delayMs: number;
  /** Why: a `TerraApiError` (429, 5xx, ...) or a `TerraConnectionError`. */
  readonly error: Error;
}

/**
 * Request and response hooks, for tracing (OpenTelemetry and the like), metrics or logging, without wrapping
 * `fetch`: they run on the `node:http` path and the `fetch` path alike, once per attempt. A hook may be async;
 * the call waits for it. A hook that throws rejects the call with its error.
 *
 * @example
 * ```ts
 * const spans = new Map<number, Span>();
 * new Terra({ hooks: {
 *   beforeRequest(ctx) { const span = tracer.startSpan(ctx.label); ctx.headers.traceparent = traceparentOf(span); ... },
 *   afterResponse(ctx) { span.setAttribute('http.status_code', ctx.status ?? 0); span.end(); },
 * } });
 * ```
 */
export interface TerraHooks {
  /** Before each attempt is sent; may add headers. */
  beforeRequest?: (context: BeforeRequestContext) => void | Promise<void>;
  /** After each attempt: answered (any status) or failed without an answer. */
  afterResponse?: (context: AfterResponseContext) => void | Promise<void>;
  /** Before the loop waits to retry. */
  onRetry?: (context: RetryContext) => void | Promise<void>;
}

/** How much terra-ts logs: nothing (`'off'`, the default), failures, retries, or every attempt. */
export type TerraLogLevel = 'off' | 'error' | 'warn' | 'info' | 'debug';

/**
 * Where terra-ts logs: `console`, or any object with these methods (pino, winston, a bunyan child...). Each
 * line is a short message and a small object of fields (`method`, `path`, `status`, `attempt`, `durationMs`);
 * never a header, a body or a credential.
 */
export interface TerraLogger {
  /** Every attempt (`logLevel: 'debug'`). */
  debug(message: string, fields?: Record<string, unknown>): void;
  /** Retries (`logLevel: 'info'` and below). */
  info(message: string, fields?: Record<string, unknown>): void;
  /** Not used yet; part of the shape so any common logger fits. */
  warn(message: string, fields?: Record<string, unknown>): void;
  /** A call failing for good. */
  error(message: string, fields?: Record<string, unknown>): void;
}
