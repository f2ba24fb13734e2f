/** Options of `new Terra(...)`. Every field falls back to an environment variable or a default. */
export interface TerraOptions {
  /** Your API key (dashboard, API settings). Falls back to `TERRA_API_KEY`. */
  apiKey?: string;
  /** Your developer id. Falls back to `TERRA_DEV_ID`. */
  devId?: string;
  /** The webhook signing secret (or several, during a rotation). Falls back to `TERRA_WEBHOOK_SECRET`. */
  secret?: string | string[];
  /**
   * API root. Falls back to `TERRA_BASE_URL`, then `https://api.tryterra.co/v2` (what every Terra SDK ships).
   * The OpenAPI spec names `https://access.tryterra.co/api/v2`; a sandbox serves `http://127.0.0.1:<port>/v2`.
   */
  baseUrl?: string;
  /** The `fetch` to use (default: the global one). */
  fetch?: typeof fetch;
  /** Per-attempt limit for the whole response, body included, in milliseconds (default 60,000). */
  timeoutMs?: number;
  /** Retries after the first attempt, for network errors, 408, 429 and 5xx (default 2). */
  maxRetries?: number;
  /** First backoff delay in milliseconds, doubled per retry, with jitter (default 500). */
  retryBaseDelayMs?: number;
  /** Cap on one backoff delay in milliseconds (default 8,000). */
  maxRetryDelayMs?: number;
  /**
   * The longest `Retry-After` worth waiting for, in seconds (default 60). A longer one (Terra's hourly
   * budget reset) fails at once with a `RateLimitError` carrying `retryAfterSeconds`, instead of retrying too early.
   */
  maxRetryAfterSeconds?: number;
  /**
   * The most bytes one response body may have once decoded (after gzip, deflate or brotli), for API calls,
   * uploads and `s3_payload` downloads. Default 256 MiB (`DEFAULT_MAX_RESPONSE_BYTES`): Terra's largest real
   * answers are tens of megabytes (a month of detailed activity samples; large requests come in chunks of
   * about 10 MB), and 256 MiB stays far below what a JavaScript string can hold. Past the limit reading and
   * decompressing stop, the connection is closed and the call rejects with `TerraResponseTooLargeError`, so a
   * compression bomb or an endless body from a hostile or broken server cannot exhaust memory.
   */
  maxResponseBytes?: number;
  /** Webhook timestamp tolerance in seconds (default 300). */
  webhookToleranceSeconds?: number;
}

/** Options every call accepts as its last argument. */
export interface RequestOptions {
  /** Cancels the call; it then rejects with `TerraAbortError` and is not retried. */
  signal?: AbortSignal;
  /** Overrides the client's per-attempt timeout for this call. */
  timeoutMs?: number;
  /** Overrides the client's retry count for this call. */
  maxRetries?: number;
  /** Overrides the client's `maxResponseBytes` (decoded body limit) for this call. */
  maxResponseBytes?: number;
}
