/** Terra's timestamp style: ISO-8601 with microseconds and an explicit offset. */
export function terraTimestamp(ms: number = Date.now()): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000+00:00');
}
