/**
 * Minutes per window of what a wearable has recorded so far: devices summarise activity in
 * 15-minute epochs (Garmin's epochs are 15 minutes), so a day read at 06:07 holds data up to 06:00.
 */
export const RECORDED_WINDOW_MINUTES = 15;

/**
 * How many minutes of a local day that starts at `startSeconds` and lasts `dayMinutes` have been
 * recorded when read at `nowMs` (epoch milliseconds): whole 15-minute windows that have ended,
 * from 0 (the day has not started or its first window has not ended) to the whole day. Without
 * `nowMs` the whole day counts.
 *
 * @example
 * recordedMinutes(midnight, 1440, (midnight + 6 * 3600 + 7 * 60) * 1000); // 360: up to 06:00
 */
export function recordedMinutes(startSeconds: number, dayMinutes: number, nowMs: number | undefined): number {
  if (nowMs === undefined) return dayMinutes;
  const elapsed = Math.floor((nowMs / 1000 - startSeconds) / 60);
  if (elapsed >= dayMinutes) return dayMinutes;
  if (elapsed <= 0) return 0;
  return Math.floor(elapsed / RECORDED_WINDOW_MINUTES) * RECORDED_WINDOW_MINUTES;
}

/** True when something ending at `endSeconds` has ended by `nowMs` (always true without `nowMs`). */
export function hasEnded(endSeconds: number, nowMs: number | undefined): boolean {
  return nowMs === undefined || endSeconds * 1000 <= nowMs;
}
