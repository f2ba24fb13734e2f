import { apiErrorFromResponse } from '../errors/api-error-from-response.js';
import { RateLimitError } from '../errors/rate-limit-error.js';
import { TerraAbortError } from '../errors/terra-abort-error.js';
import { TerraConnectionError } from '../errors/terra-connection-error.js';
import { TerraError } from '../errors/terra-error.js';
import { TerraInvalidArgumentError } from '../errors/terra-invalid-argument-error.js';
import { responseTooLarge } from '../errors/terra-response-too-large-error.js';
import { TerraTimeoutError } from '../errors/terra-timeout-error.js';
import type { TerraApiResponse } from './api-response.js';
import { MAX_TIMER_MS, optionalInteger } from './arguments.js';
import type { ClientConfig } from './config.js';
import type { RequestOptions } from './options.js';
import { backoffMs, isRetryableStatus, isSafeToRepeatPost, parseRetryAfter, wasNeverSent } from './retry.js';
import { toResponse } from './to-response.js';
import { AttemptTimedOut, ResponseTooLarge, ReusedConnectionClosed } from './transport/transport.js';

/** One endpoint call, as the resources describe it. */
export interface RequestSpec {
  method: 'GET' | 'POST' | 'DELETE' | 'PATCH';
  /** Path under the base URL, starting with `/`. */
  path: string;
  /** A query string built by `buildQuery` (no leading `?`). */
  query?: string;
  /** A JSON-serialisable body, or `FormData` for uploads. */
  body?: unknown;
  /** A POST that is safe to send twice (a read such as `/bulkUserInfo`). GET, PATCH and DELETE always are. */
  idempotent?: boolean;
  /** The endpoint answers 204 with no body. */
  allowEmptyBody?: boolean;
}

/** Turns the parsed JSON (undefined for an empty body) into the endpoint's class. */
export type ParseBody<T> = (json: unknown, status: number) => T;

/**
 * The one request loop: sends the request, enforces the per-attempt timeout, honours the caller's signal,
 * retries what is safe to retry, and parses the body once (`text()` + `JSON.parse`, no copies).
 */
export async function request<T>(
  config: ClientConfig,
  spec: RequestSpec,
  parse: ParseBody<T>,
  options?: RequestOptions,
): Promise<TerraApiResponse<T>> {
  const url = spec.query ? `${config.baseUrl}${spec.path}?${spec.query}` : config.baseUrl + spec.path;
  const label = `${spec.method} ${spec.path}`;
  if (options != null) checkRequestOptions(options);
  const signal = options?.signal;
  const timeoutMs = options?.timeoutMs ?? config.timeoutMs;
  const maxRetries = options?.maxRetries ?? config.maxRetries;
  const maxResponseBytes = options?.maxResponseBytes ?? config.maxResponseBytes;
  const idempotent = spec.method !== 'POST' || spec.idempotent === true;
  let headers = config.headers;
  let body: string | FormData | undefined;
  let transport = config.transport;
  if (spec.body instanceof FormData) {
    body = spec.body;
    transport = config.uploadTransport;
  } else if (spec.body !== undefined) {
    body = JSON.stringify(spec.body);
    headers = config.jsonHeaders;
  }

  for (let attempt = 0; ; attempt++) {
    if (signal?.aborted) throw abortError(signal, label);
    let failure: TerraError;
    let retryable: boolean;
    let retryAfterSeconds: number | undefined;
    try {
      const res = await transport({
        url,
        method: spec.method,
        headers,
        body,
        timeoutMs,
        signal,
        idempotent,
        maxResponseBytes,
      });
      if (res.status >= 200 && res.status < 300) return toResponse(res, spec, parse, config, label);
      retryAfterSeconds = parseRetryAfter(res.headers.get('retry-after'));
      failure = apiErrorFromResponse({
        status: res.status,
        headers: res.headers,
        text: res.text,
        redactor: config.redactor,
        request: label,
        retryAfterSeconds,
      });
      retryable =
        isRetryableStatus(res.status) &&
        (idempotent || isSafeToRepeatPost(res.status)) &&
        !(failure instanceof RateLimitError && failure.rule === 'r1') &&
        (retryAfterSeconds === undefined || retryAfterSeconds <= config.maxRetryAfterSeconds);
    } catch (error) {
      if (signal?.aborted) throw abortError(signal, label);
      if (error instanceof TerraError) throw error;
      if (error instanceof ResponseTooLarge) throw responseTooLarge(label, error.maxResponseBytes);
      if (error instanceof AttemptTimedOut) {
        failure = new TerraTimeoutError(
          `${label} timed out after ${timeoutMs} ms (per attempt, body included); raise timeoutMs or ask for a shorter range`,
          timeoutMs,
        );
        retryable = idempotent;
      } else {
        failure = new TerraConnectionError(
          `${label} failed before Terra answered: ${config.redactor.text(describeCause(error))}`,
          // Our own marker carries no server text (and the loop checks for it below).
          { cause: error instanceof ReusedConnectionClosed ? error : config.redactor.cause(error) },
        );
        retryable = idempotent || wasNeverSent(error);
      }
    }
    if (!retryable || attempt >= maxRetries) throw failure;
    // A stale pooled socket says nothing about the server's health: try a new connection at once.
    if (failure.cause instanceof ReusedConnectionClosed) continue;
    const delay =
      retryAfterSeconds !== undefined
        ? retryAfterSeconds * 1000
        : backoffMs(attempt, config.retryBaseDelayMs, config.maxRetryDelayMs);
    await sleep(delay, signal, label);
  }
}

function checkRequestOptions(options: RequestOptions): void {
  if (typeof options !== 'object') {
    throw new TerraInvalidArgumentError(
      'options',
      'request options must be an object like { signal, timeoutMs }',
    );
  }
  const { signal } = options;
  if (
    signal !== undefined &&
    (typeof signal !== 'object' || typeof signal?.addEventListener !== 'function')
  ) {
    throw new TerraInvalidArgumentError(
      'signal',
      'signal must be an AbortSignal (e.g. new AbortController().signal)',
    );
  }
  optionalInteger(options.timeoutMs, 'timeoutMs', 1, MAX_TIMER_MS);
  optionalInteger(options.maxRetries, 'maxRetries', 0, 10);
  optionalInteger(options.maxResponseBytes, 'maxResponseBytes', 1);
}

function describeCause(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string') return code;
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
  if (typeof cause?.code === 'string') return cause.code;
  if (typeof cause?.message === 'string') return cause.message;
  return error instanceof Error ? error.message : String(error);
}

function abortError(signal: AbortSignal, label: string): TerraAbortError {
  return new TerraAbortError(`${label} was aborted by your signal`, { cause: signal.reason });
}

function sleep(ms: number, signal: AbortSignal | undefined, label: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal as AbortSignal, label));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
