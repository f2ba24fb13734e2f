import { TerraInvalidArgumentError } from '../errors/terra-invalid-argument-error.js';
import { DEFAULT_MAX_RESPONSE_BYTES } from '../errors/terra-response-too-large-error.js';
import { MAX_TIMER_MS, optionalInteger } from './arguments.js';
import { type CredentialName, resolveCredentials } from './credentials.js';
import { canSetUserAgent, readEnv } from './environment.js';
import type { TerraHooks } from './hooks.js';
import { type Log, resolveLog } from './log.js';
import type { EndpointGroup, TerraBaseUrls, TerraOptions } from './options.js';
import { Redactor } from './redact.js';
import { type ClientTransports, chooseTransports } from './transport/choose-transport.js';
import { VERSION } from './version.js';

/** The default API root, as shipped by every Terra SDK. */
export const DEFAULT_BASE_URL = 'https://api.tryterra.co/v2';

/**
 * The server Terra's current OpenAPI spec documents every v2 operation on. Workouts, planned workouts and lab
 * reports exist only in that spec, so they default to it while the client's `baseUrl` is the default.
 */
export const SPEC_BASE_URL = 'https://access.tryterra.co/api/v2';

const ENDPOINT_GROUPS: readonly EndpointGroup[] = ['workouts', 'plannedWorkouts', 'labReports'];

/** Client settings after defaults and environment fallbacks, computed once per client. */
export interface ClientConfig extends ClientTransports {
  readonly baseUrl: string;
  /** The base URL of each endpoint group (`TerraOptions.baseUrls`, else `baseUrl` when set, else the spec's server). */
  readonly groupBaseUrls: Readonly<Record<EndpointGroup, string>>;
  /** Headers of body-less requests (built once: the hot path reuses this object). */
  readonly headers: Readonly<Record<string, string>>;
  /** Headers of JSON-body requests. */
  readonly jsonHeaders: Readonly<Record<string, string>>;
  /** The caller's `fetch` or the global one: uploads, S3 payload downloads, and every call off Node. */
  readonly fetch: typeof fetch;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  readonly retryBaseDelayMs: number;
  readonly maxRetryDelayMs: number;
  readonly maxRetryAfterSeconds: number;
  /** The most decoded bytes read from one response body. */
  readonly maxResponseBytes: number;
  /** Removes the API key, dev id and signing secrets from anything a server sent that ends up in an error. */
  readonly redactor: Redactor;
  /** The log function, `undefined` when logging is off (the default). */
  readonly log: Log | undefined;
  /** The caller's hooks, `undefined` when none is set. */
  readonly hooks: TerraHooks | undefined;
  /** The API key and dev id headers, added after `beforeRequest` so hooks never see or replace them. */
  readonly credentialHeaders: Readonly<Record<string, string>>;
  /** The credentials this client lacks: empty, or the reason every call but the public ones is refused. */
  readonly missingCredentials: readonly CredentialName[];
}

/** Resolves options, environment variables and defaults; throws on anything unusable. */
export function resolveConfig(options: TerraOptions): ClientConfig {
  const { apiKey, devId, missing } = resolveCredentials(options);
  const redactor = new Redactor([apiKey, secretLike(devId), ...signingSecrets(options.secret)]);
  // Sent as a pair or not at all: half a pair authenticates nothing and would put a secret on the wire.
  const credentialHeaders: Record<string, string> =
    apiKey !== undefined && devId !== undefined ? { 'x-api-key': apiKey, 'dev-id': devId } : {};
  const headers: Record<string, string> = { ...credentialHeaders, accept: 'application/json' };
  if (canSetUserAgent()) headers['user-agent'] = `terra-ts/${VERSION}`;
  const fetchImpl = fetchOf(options.fetch);
  const chosenBaseUrl = options.baseUrl ?? readEnv('TERRA_BASE_URL');
  const baseUrl = baseUrlOf(chosenBaseUrl ?? DEFAULT_BASE_URL, redactor);
  return {
    ...chooseTransports(options.fetch, fetchImpl),
    baseUrl,
    groupBaseUrls: groupBaseUrlsOf(
      options.baseUrls,
      chosenBaseUrl === undefined ? undefined : baseUrl,
      redactor,
    ),
    headers,
    jsonHeaders: { ...headers, 'content-type': 'application/json' },
    fetch: fetchImpl,
    timeoutMs: optionalInteger(options.timeoutMs, 'timeoutMs', 1, MAX_TIMER_MS) ?? 60_000,
    maxRetries: optionalInteger(options.maxRetries, 'maxRetries', 0, 10) ?? 2,
    retryBaseDelayMs: optionalInteger(options.retryBaseDelayMs, 'retryBaseDelayMs', 0, MAX_TIMER_MS) ?? 500,
    maxRetryDelayMs: optionalInteger(options.maxRetryDelayMs, 'maxRetryDelayMs', 0, MAX_TIMER_MS) ?? 8_000,
    maxRetryAfterSeconds:
      optionalInteger(
        options.maxRetryAfterSeconds,
        'maxRetryAfterSeconds',
        0,
        Math.floor(MAX_TIMER_MS / 1000),
      ) ?? 60,
    maxResponseBytes:
      optionalInteger(options.maxResponseBytes, 'maxResponseBytes', 1) ?? DEFAULT_MAX_RESPONSE_BYTES,
    redactor,
    log: resolveLog(options.logger, options.logLevel, redactor),
    hooks: hooksOf(options.hooks),
    credentialHeaders,
    missingCredentials: missing,
  };
}

// The signing secret(s) the client holds (option, else TERRA_WEBHOOK_SECRET), for redaction only; whether
// they are usable is checked by the webhook verifier.
function signingSecrets(option: unknown): string[] {
  const value = option ?? readEnv('TERRA_WEBHOOK_SECRET');
  const list = Array.isArray(value) ? value : [value];
  return list.filter((item): item is string => typeof item === 'string' && item !== '');
}

// A dev id is an account name rather than a password, but a long one may well be kept secret; a short one
// (under 8 characters) is redacted nowhere, since removing it would mangle every message it occurs in.
function secretLike(devId: string | undefined): string | undefined {
  return devId !== undefined && devId.length >= 8 ? devId : undefined;
}

// A swapped pair of environment variables (TERRA_BASE_URL holding the key or a secret) must not echo it.
function shown(value: unknown, redactor: Redactor): string {
  return redactor.text(JSON.stringify(value) ?? String(value));
}

function groupBaseUrlsOf(
  given: TerraBaseUrls | undefined,
  chosenBaseUrl: string | undefined,
  redactor: Redactor,
): Record<EndpointGroup, string> {
  if (given !== undefined && (given === null || typeof given !== 'object')) {
    throw new TerraInvalidArgumentError(
      'baseUrls',
      'baseUrls must be an object such as { workouts: "https://..." }',
    );
  }
  const urls = {} as Record<EndpointGroup, string>;
  for (const group of ENDPOINT_GROUPS) {
    const own = given?.[group];
    urls[group] =
      own !== undefined ? baseUrlOf(own, redactor, `baseUrls.${group}`) : (chosenBaseUrl ?? SPEC_BASE_URL);
  }
  return urls;
}

function baseUrlOf(value: unknown, redactor: Redactor, name = 'baseUrl'): string {
  if (typeof value !== 'string' || !/^https?:\/\//i.test(value)) {
    throw new TerraInvalidArgumentError(
      name,
      `${name} must be an http(s) URL such as ${DEFAULT_BASE_URL}; got ${shown(value, redactor)}`,
    );
  }
  try {
    new URL(value);
  } catch {
    throw new TerraInvalidArgumentError(name, `${name} ${shown(value, redactor)} is not a valid URL`);
  }
  return value.replace(/\/+$/, '');
}

function hooksOf(value: unknown): TerraHooks | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null) {
    throw new TerraInvalidArgumentError(
      'hooks',
      'hooks must be an object like { beforeRequest, afterResponse, onRetry }',
    );
  }
  const hooks = value as Record<string, unknown>;
  for (const name of ['beforeRequest', 'afterResponse', 'onRetry']) {
    if (hooks[name] !== undefined && typeof hooks[name] !== 'function') {
      throw new TerraInvalidArgumentError(
        'hooks',
        `hooks.${name} must be a function; got a ${typeof hooks[name]}`,
      );
    }
  }
  const known = hooks.beforeRequest ?? hooks.afterResponse ?? hooks.onRetry;
  return known === undefined ? undefined : (value as TerraHooks);
}

function fetchOf(value: unknown): typeof fetch {
  if (value !== undefined) {
    if (typeof value !== 'function') {
      throw new TerraInvalidArgumentError(
        'fetch',
        `fetch must be a function compatible with the global fetch`,
      );
    }
    return value as typeof fetch;
  }
  if (typeof globalThis.fetch !== 'function') {
    throw new TerraInvalidArgumentError(
      'fetch',
      'This runtime has no global fetch (Node < 18?); pass new Terra({ fetch }) with a fetch implementation',
    );
  }
  // Looked up at each call, so a fetch installed after the client (a test double, MSW) is the one used;
  // called as a method, since an unbound global fetch throws "Illegal invocation" in workerd and browsers.
  return (input, init) => globalThis.fetch(input, init);
}
