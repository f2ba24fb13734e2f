import { TerraApiError, type TerraApiErrorInit } from './terra-api-error.js';

/**
 * HTTP 429: Terra's per-user limit was hit.
 *
 * - `rule === 'r1'`: one request asked for more than 1,825 days. Retrying never helps; split the range
 *   (the data methods split ranges for you, see `chunkDays`). Never retried.
 * - `rule === 'r2'`: more than 6,000 requested days in a rolling hour. `retryAfterSeconds` says when the
 *   budget resets; retried automatically when that is within `maxRetryAfterSeconds`.
 */
export class RateLimitError extends TerraApiError {
  /** `X-Terra-RateLimit-Rule`: `'r1'` (window too long) or `'r2'` (hourly budget), when Terra said. */
  readonly rule: 'r1' | 'r2' | undefined;
  /** `Retry-After` in seconds, when Terra sent it. */
  readonly retryAfterSeconds: number | undefined;

  /**
   * @param init - the response.
   * @param rule - the rule that was hit.
   * @param retryAfterSeconds - the parsed `Retry-After`.
   */
  constructor(init: TerraApiErrorInit, rule: 'r1' | 'r2' | undefined, retryAfterSeconds: number | undefined) {
    super(init, hintFor(rule, retryAfterSeconds));
    this.rule = rule;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

function hintFor(rule: 'r1' | 'r2' | undefined, retryAfterSeconds: number | undefined): string {
  if (rule === 'r1') {
    return 'Rule r1: the date window exceeds 1,825 days for one request; split the range into shorter windows (pass chunkDays)';
  }
  const wait = retryAfterSeconds === undefined ? '' : ` Retry after ${retryAfterSeconds} s.`;
  if (rule === 'r2') return `Rule r2: more than 6,000 requested days for this user in the last hour.${wait}`;
  return `Rate limited.${wait}`;
}
