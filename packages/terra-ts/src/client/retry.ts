/** Statuses worth another attempt: timeouts, rate limits and server failures. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/**
 * Statuses after which a non-idempotent POST may be sent again: Terra rejected it without acting on it
 * (429 rate limit, 503 unavailable). A 500 or 502 may have come after the work was done, so a repeat
 * could create a second workout or upload.
 */
export function isSafeToRepeatPost(status: number): boolean {
  return status === 429 || status === 503;
}

/**
 * Backoff before retry number `attempt` (0-based): exponential with "equal jitter", so waits never collapse
 * to zero and clients that failed together spread out.
 */
export function backoffMs(attempt: number, baseMs: number, maxMs: number): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** attempt);
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

/**
 * Parses `Retry-After`: delay seconds or an HTTP date. Returns seconds (>= 0), or undefined when absent or unreadable.
 *
 * @param now - the current time in ms (for HTTP dates).
 */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  // An HTTP date starts with the day name; anything else (e.g. "-5") is not one.
  if (!/^[A-Za-z]/.test(trimmed)) return undefined;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

/** Error codes meaning the connection was never made, so the request was certainly not sent. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);

/** Whether a `fetch` rejection shows the request never left (safe to repeat even a POST). */
export function wasNeverSent(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && NOT_SENT_CODES.has(code)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
