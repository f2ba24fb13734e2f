import type { TerraHooks, TerraLogger, TerraLogLevel } from './hooks.js';

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
  /**
   * Base URLs of the endpoint groups that Terra's current spec documents on another server than the data API.
   * Each falls back to `baseUrl` (or `TERRA_BASE_URL`) when that is set, else to the spec's
   * `https://access.tryterra.co/api/v2`.
   */
  baseUrls?: TerraBaseUrls;
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
  /**
   * Where to log (`console`, pino, winston, ...). Nothing is logged by default; with a `logger` and no
   * `logLevel`, `'info'` (retries and failures). Lines never hold a header, a body or a credential.
   */
  logger?: TerraLogger;
  /** `'off'` (default without a logger), `'error'`, `'warn'`, `'info'` (default with one) or `'debug'` (every attempt). */
  logLevel?: TerraLogLevel;
  /** Request and response hooks (tracing, metrics) run once per attempt; see {@link TerraHooks}. */
  hooks?: TerraHooks;
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
  /**
   * Extra headers for this call (Python: `additional_headers`). They cannot replace `x-api-key` or `dev-id`;
   * names must be HTTP tokens and values strings without line breaks.
   */
  headers?: Record<string, string>;
  /**
   * Extra query parameters for this call, e.g. an option Terra added that terra-ts does not know yet
   * (Python: `additional_query_parameters`). Added after the call's own parameters; `undefined` values are left out.
   */
  extraQuery?: Record<string, string | number | boolean | undefined>;
  /**
   * Extra fields for the JSON body of this call (Python: `additional_body_parameters`), merged over the
   * call's own object body; for an upload, appended to the form. A call without an object body (a GET, a
   * DELETE, `bulkUserInfo`'s array) refuses them.
   */
  extraBody?: Record<string, unknown>;
}

/** The endpoint groups that can have a base URL of their own (`TerraOptions.baseUrls`). */
export type EndpointGroup = 'workouts' | 'plannedWorkouts' | 'labReports';

/** Per-group base URLs: each an http(s) API root such as `https://access.tryterra.co/api/v2`. */
export interface TerraBaseUrls {
  /** `/workouts` (the `Workouts` resource). */
  workouts?: string;
  /** `/plannedWorkouts` (the `PlannedWorkouts` resource). */
  plannedWorkouts?: string;
  /** `/lab-reports` (the `LabReports` resource). */
  labReports?: string;
}
