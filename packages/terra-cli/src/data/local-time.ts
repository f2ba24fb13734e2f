const pad = (value: number) => String(value).padStart(2, '0');

/**
 * An instant (`2024-01-02T03:04:05Z`) as the wall-clock time of the person running the CLI
 * (`2024-01-02 12:04` in Tokyo): the machine's time zone, or `TZ`. Anything else is shown as it came.
 */
export function localWallClock(value: unknown): string {
  const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (!Number.isFinite(ms)) return String(value);
  const date = new Date(ms);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
