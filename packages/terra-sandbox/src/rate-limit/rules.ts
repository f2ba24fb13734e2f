/** Rule r1: one request may span at most this many days (exactly 1,825 is allowed). */
export const MAX_WINDOW_DAYS = 1825;
/** Rule r2: requested days a user may spend per rolling hour. */
export const HOURLY_DAY_BUDGET = 6000;
/** Length of rule r2's rolling window. */
export const WINDOW_MS = 60 * 60 * 1000;
/** Body of every 429, as Terra sends it. */
export const RATE_LIMIT_BODY = '{"detail":"rate limit exceeded"}';
