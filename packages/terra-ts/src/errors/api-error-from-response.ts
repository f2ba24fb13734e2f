import type { Redactor } from '../client/redact.js';
import { RateLimitError } from './rate-limit-error.js';
import {
  AuthenticationError,
  BadRequestError,
  InternalServerError,
  NotFoundError,
  PayloadTooLargeError,
  PermissionDeniedError,
} from './status-errors.js';
import { TerraApiError, type TerraApiErrorInit, type TerraProblem } from './terra-api-error.js';

/** What the request loop knows about a failed response. */
export interface FailedResponse {
  status: number;
  headers: Headers;
  /** The body text as received. */
  text: string;
  /** Removes the client's credentials from the body, the headers and so the message. */
  redactor?: Redactor;
  /** `METHOD /path`, for the message. */
  request: string;
  /** Parsed `Retry-After`, in seconds. */
  retryAfterSeconds: number | undefined;
}

/** Builds the {@link TerraApiError} subclass that matches a non-2xx response. */
export function apiErrorFromResponse(res: FailedResponse): TerraApiError {
  const { redactor } = res;
  const parsed = parseBody(res.text);
  const body =
    redactor === undefined
      ? parsed
      : typeof parsed === 'string'
        ? redactor.text(parsed)
        : redactor.json(parsed, res.text);
  const headers = redactor === undefined ? res.headers : redactor.headers(res.headers);
  const init: TerraApiErrorInit = {
    status: res.status,
    headers,
    body,
    problem: problemOf(body),
    request: res.request,
  };
  switch (res.status) {
    case 400:
      return new BadRequestError(init);
    case 401:
      return new AuthenticationError(init, 'Check the apiKey and devId (TERRA_API_KEY, TERRA_DEV_ID)');
    case 403:
      return new PermissionDeniedError(init);
    case 404:
      return new NotFoundError(init);
    case 413:
      return new PayloadTooLargeError(init);
    case 429:
      return new RateLimitError(init, ruleOf(headers), res.retryAfterSeconds);
    default:
      if (res.status >= 500) return new InternalServerError(init);
      return new TerraApiError(
        init,
        res.status >= 300 && res.status < 400 ? redirectHint(headers) : undefined,
      );
  }
}

// Redirects are not followed, so the API key is never sent to a host the caller did not name.
function redirectHint(headers: Headers): string {
  const location = headers.get('location');
  return `terra-ts does not follow redirects, so your API key only goes to baseUrl; ${location ? `set baseUrl so that it points at ${location}` : 'check baseUrl'}`;
}

function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function problemOf(body: unknown): TerraProblem | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const b = body as Record<string, unknown>;
  const problem: TerraProblem = {};
  let found = false;
  for (const key of ['type', 'title', 'instance', 'detail', 'status', 'message'] as const) {
    const value = b[key];
    if (typeof value === 'string') {
      problem[key] = value;
      found = true;
    }
  }
  return found ? problem : undefined;
}

function ruleOf(headers: Headers): 'r1' | 'r2' | undefined {
  const rule = headers.get('x-terra-ratelimit-rule')?.trim().toLowerCase();
  return rule === 'r1' || rule === 'r2' ? rule : undefined;
}
