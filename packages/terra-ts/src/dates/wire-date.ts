/** The smallest unix seconds Terra takes: it wants 10 digits (2001-09-09T01:46:40Z). */
export const MIN_UNIX_SECONDS = 1_000_000_000;
/** The largest 10-digit unix seconds (2286-11-20T17:46:39Z). */
export const MAX_UNIX_SECONDS = 9_999_999_999;

const SECONDS_PER_DAY = 86_400;

/**
 * How an instant goes on the wire, if Terra can take it exactly: 10-digit unix seconds, else the
 * `'YYYY-MM-DD'` of a UTC midnight (a day string means that UTC day to Terra). Undefined for an instant
 * outside the 10-digit range that is not a UTC midnight of the years 0100-9999 (the day strings we accept).
 */
export function wireDateOf(seconds: number): string | number | undefined {
  if (seconds >= MIN_UNIX_SECONDS && seconds <= MAX_UNIX_SECONDS) return seconds;
  if (seconds % SECONDS_PER_DAY !== 0) return undefined;
  const date = new Date(seconds * 1000);
  const year = date.getUTCFullYear();
  if (year < 100 || year > 9999) return undefined;
  return date.toISOString().slice(0, 10);
}
