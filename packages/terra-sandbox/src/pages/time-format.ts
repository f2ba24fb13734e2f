/**
 * A timestamp in the pages' one date format, `YYYY-MM-DD HH:MM UTC±HH:MM`, in UTC: what a table shows
 * before the page's script rewrites it into the viewer's wall clock (see time-format-script.ts).
 */
export function formatUtc(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const text = new Date(ms).toISOString();
  return `${text.slice(0, 10)} ${text.slice(11, 16)} UTC+00:00`;
}
