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
import { missingCredentialsError } from './credentials.js';
import { checkHeaders, withExtras, withoutCredentials } from './extras.js';
import type { RequestOptions } from './options.js';
import type { ParseBody, RequestSpec } from './request-spec.js';
import { backoffMs, isRetryableStatus, isSafeToRepeatPost, parseRetryAfter, wasNeverSent } from './retry.js';
import { toResponse } from './to-response.js';
import {
  AttemptTimedOut,
  type ReceivedResponse,
  ResponseTooLarge,
  ReusedConnectionClosed,
} from './transport/transport.js';

/**
 * The one request loop: sends the request, enforces the per-attempt timeout, honours the caller's signal,
 * retries what is safe to retry, and parses the body once (`text()` + `JSON.parse`, no copies). Hooks and
 * logging, when configured, see each attempt; without them the loop pays one check per attempt.
 */
export async function request<T>(
  config: ClientConfig,
  spec: RequestSpec,
  parse: ParseBody<T>,
  options?: RequestOptions,
): Promise<TerraApiResponse<T>> {
  if (options != null) checkRequestOptions(options);
  const label = `${spec.method} ${spec.path}`;
  if (config.missingCredentials.length > 0 && spec.public !== true) {
    throw missingCredentialsError(config.missingCredentials, label);
  }
  const signal = options?.signal;
  const timeoutMs = options?.timeoutMs ?? config.timeoutMs;
  const maxRetries = options?.maxRetries ?? config.maxRetries;
  const maxResponseBytes = options?.maxResponseBytes ?? config.maxResponseBytes;
  const idempotent = spec.method !== 'POST' || spec.idempotent === true;
  const base = spec.group === undefined ? config.baseUrl : config.groupBaseUrls[spec.group];
  let url = spec.query ? `${base}${spec.path}?${spec.query}` : base + spec.path;
  let headers = config.headers;
  let specBody = spec.body;
  if (
    options?.headers !== undefined ||
    options?.extraQuery !== undefined ||
    options?.extraBody !== undefined
  ) {
    ({ url, headers, body: specBody } = withExtras(config, spec, label, url, options));
  }
  let body: string | FormData | undefined;
  let transport = config.transport;
  if (specBody instanceof FormData) {
    body = specBody;
    transport = config.uploadTransport;
  } else if (specBody !== undefined) {
    body = JSON.stringify(specBody);
    if (headers === config.headers) headers = config.jsonHeaders;
    else headers = { ...headers, 'content-type': 'application/json' };
  }
  const observed = config.hooks !== undefined || config.log !== undefined;
  // Only built when something observes the attempts: the hot path allocates nothing for it.
  const where: Where = observed ? { method: spec.method, url, label, path: spec.path } : NOT_OBSERVED;

  for (let attempt = 0; ; attempt++) {
    if (signal?.aborted) throw abortError(signal, label);
    const attemptHeaders = config.hooks?.beforeRequest
      ? await hookedHeaders(config, where, attempt + 1, headers)
      : headers;
    const startedAt = observed ? Date.now() : 0;
    let res: ReceivedResponse | undefined;
    let failure: TerraError | undefined;
    let retryable = false;
    let final = false;
    let retryAfterSeconds: number | undefined;
    try {
      res = await transport({
        url,
        method: spec.method,
        headers: attemptHeaders,
        body,
        timeoutMs,
        signal,
        idempotent,
        maxResponseBytes,
      });
    } catch (error) {
      if (signal?.aborted) {
        failure = abortError(signal, label);
        final = true;
      } else if (error instanceof TerraError) {
        failure = error;
        final = true;
      } else if (error instanceof ResponseTooLarge) {
        failure = responseTooLarge(label, error.maxResponseBytes);
        final = true;
      } else if (error instanceof AttemptTimedOut) {
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
    if (observed) await observeAttempt(config, where, attempt + 1, startedAt, res, failure);
    if (res !== undefined) {
      if (res.status >= 200 && res.status < 300) {
        try {
          return toResponse(res, spec, parse, config, label);
        } catch (error) {
          config.log?.('error', `${label} failed: ${(error as Error).message}`, {
            method: spec.method,
            path: spec.path,
          });
          throw error;
        }
      }
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
    }
    const error = failure as TerraError;
    if (final || !retryable || attempt >= maxRetries) {
      config.log?.('error', `${label} failed: ${error.message}`, {
        method: spec.method,
        path: spec.path,
        status: res?.status,
        attempts: attempt + 1,
      });
      throw error;
    }
    // A stale pooled socket says nothing about the server's health: try a new connection at once.
    const delay =
      error.cause instanceof ReusedConnectionClosed
        ? 0
        : retryAfterSeconds !== undefined
          ? retryAfterSeconds * 1000
          : backoffMs(attempt, config.retryBaseDelayMs, config.maxRetryDelayMs);
    if (observed) await observeRetry(config, where, attempt + 1, delay, error);
    if (delay > 0) await sleep(delay, signal, label);
  }
}

interface Where {
  readonly method: string;
  readonly url: string;
  readonly label: string;
  readonly path: string;
}

const NOT_OBSERVED: Where = { method: '', url: '', label: '', path: '' };

async function hookedHeaders(
  config: ClientConfig,
  where: Where,
  attempt: number,
  headers: Readonly<Record<string, string>>,
): Promise<Readonly<Record<string, string>>> {
  const context = {
    method: where.method,
    url: where.url,
    label: where.label,
    attempt,
    headers: withoutCredentials(headers),
  };
  await config.hooks?.beforeRequest?.(context);
  return {
    ...checkHeaders(context.headers, 'headers set by hooks.beforeRequest'),
    ...config.credentialHeaders,
  };
}

async function observeAttempt(
  config: ClientConfig,
  where: Where,
  attempt: number,
  startedAt: number,
  res: ReceivedResponse | undefined,
  failure: TerraError | undefined,
): Promise<void> {
  const durationMs = Date.now() - startedAt;
  config.log?.(
    'debug',
    res !== undefined
      ? `${where.label} answered ${res.status} in ${durationMs} ms (attempt ${attempt})`
      : `${where.label} got no answer after ${durationMs} ms (attempt ${attempt}): ${failure?.message}`,
    { method: where.method, path: where.path, status: res?.status, attempt, durationMs },
  );
  await config.hooks?.afterResponse?.({
    method: where.method,
    url: where.url,
    label: where.label,
    attempt,
    status: res?.status,
    headers: res?.headers,
    durationMs,
    error: res === undefined ? failure : undefined,
  });
}

async function observeRetry(
  config: ClientConfig,
  where: Where,
  attempt: number,
  delayMs: number,
  error: TerraError,
): Promise<void> {
  config.log?.(
    'info',
    `${where.label} will be retried in ${Math.round(delayMs)} ms (attempt ${attempt} failed: ${error.message})`,
    {
      method: where.method,
      path: where.path,
      attempt,
      delayMs,
    },
  );
  await config.hooks?.onRetry?.({
    method: where.method,
    url: where.url,
    label: where.label,
    attempt,
    delayMs,
    error,
  });
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
  if (options.headers !== undefined) checkHeaders(options.headers, 'headers');
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
