/** Terra's per-user rate-limit budget, from the `X-Terra-RateLimit-*` headers. Fields are undefined when absent. */
export interface RateLimitInfo {
  /** `X-Terra-RateLimit-Limit`: requested days allowed per hour (e.g. 6000). */
  limit: number | undefined;
  /** `X-Terra-RateLimit-Remaining`: requested days left in this hour. */
  remaining: number | undefined;
  /** `X-Terra-RateLimit-Reset-After`: seconds until the budget resets. */
  resetAfterSeconds: number | undefined;
  /** `X-Terra-RateLimit-Rule`: the rule a 429 hit (`r1` or `r2`). */
  rule: string | undefined;
}

/** Reads the `X-Terra-RateLimit-*` headers. */
export function parseRateLimit(headers: Headers): RateLimitInfo {
  return {
    limit: numberHeader(headers, 'x-terra-ratelimit-limit'),
    remaining: numberHeader(headers, 'x-terra-ratelimit-remaining'),
    resetAfterSeconds: numberHeader(headers, 'x-terra-ratelimit-reset-after'),
    rule: headers.get('x-terra-ratelimit-rule')?.trim() || undefined,
  };
}

function numberHeader(headers: Headers, name: string): number | undefined {
  const raw = headers.get(name);
  if (raw === null || raw.trim() === '') return undefined;
  const value = Number(raw);
  return Number.isFinite(value) ? value : undefined;
}
