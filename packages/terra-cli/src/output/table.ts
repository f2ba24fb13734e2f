import { padEnd, sanitizeCell, textWidth, truncate } from './text-width.js';

/** How a table is drawn. */
export interface TableOptions {
  /** The terminal width; wide tables shrink their widest columns to fit. Unlimited when absent (a pipe). */
  maxWidth?: number;
  /** Styles the header cells (bold on a colour terminal). */
  header?: (text: string) => string;
}

const GAP = '  ';
// Widest-first shrinking keeps narrow columns whole for as long as possible; 1 is only reached on tiny terminals.
const MIN_COLUMN = 1;

function columnWidths(headers: readonly string[], rows: readonly string[][], maxWidth?: number): number[] {
  const widths = headers.map((header, i) =>
    Math.max(textWidth(header), ...rows.map((row) => textWidth(row[i] ?? ''))),
  );
  if (maxWidth === undefined) return widths;
  const budget = maxWidth - GAP.length * (headers.length - 1);
  // Take one column at a time off the widest, so short columns (ids, flags) stay whole.
  while (widths.reduce((sum, width) => sum + width, 0) > budget) {
    const widest = widths.indexOf(Math.max(...widths));
    if ((widths[widest] ?? 0) <= MIN_COLUMN) break;
    widths[widest] = (widths[widest] ?? 0) - 1;
  }
  return widths;
}

/**
 * Draws rows as an aligned plain-text table with a header line. Cells never wrap: line breaks become spaces and
 * cells wider than their column end in "…".
 */
export function renderTable(
  headers: readonly string[],
  rows: readonly string[][],
  options: TableOptions = {},
): string {
  const clean = rows.map((row) => headers.map((_, i) => sanitizeCell(row[i] ?? '')));
  const widths = columnWidths(headers, clean, options.maxWidth);
  const line = (cells: readonly string[], style?: (text: string) => string) =>
    cells
      .map((cell, i) => {
        const width = widths[i] ?? 0;
        const fitted = truncate(cell, width);
        const padded = i === cells.length - 1 ? fitted : padEnd(fitted, width);
        return style ? style(padded) : padded;
      })
      .join(GAP)
      .trimEnd();
  return [line(headers, options.header), ...clean.map((row) => line(row))]
    .map((text) => `${text}\n`)
    .join('');
}

/** Draws label/value pairs one per line with the labels aligned: the terminal view of a single object. */
export function renderSummary(
  entries: ReadonlyArray<readonly [string, string]>,
  label: (text: string) => string = (text) => text,
): string {
  const width = Math.max(0, ...entries.map(([name]) => textWidth(name)));
  return entries.map(([name, value]) => `${label(padEnd(name, width))}  ${sanitizeCell(value)}\n`).join('');
}
