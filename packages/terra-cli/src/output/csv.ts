import { formatCell } from './fields.js';

/**
 * Quotes one CSV field when it needs it (RFC 4180): commas, quotes and line breaks are wrapped in quotes,
 * and quotes are doubled.
 */
export function csvField(value: unknown): string {
  const text = formatCell(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV line (with its trailing newline) from a row of values. */
export function csvLine(values: readonly unknown[]): string {
  return `${values.map(csvField).join(',')}\n`;
}
