// Terminal escape sequences (colour) take no columns on screen. Built from a string because the ESC
// control character is exactly what this pattern is for.
const ANSI_PATTERN = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

/** How many terminal columns `text` takes: code points, ignoring colour escapes. */
export function textWidth(text: string): number {
  let width = 0;
  for (const _ of text.replace(ANSI_PATTERN, '')) width += 1;
  return width;
}

/** Cuts plain `text` to at most `width` columns, ending with an ellipsis when it had to cut. */
export function truncate(text: string, width: number): string {
  const chars = [...text];
  if (chars.length <= width) return text;
  if (width <= 1) return chars.slice(0, width).join('');
  return `${chars.slice(0, width - 1).join('')}…`;
}

/** Pads `text` with spaces to `width` columns. */
export function padEnd(text: string, width: number): string {
  const missing = width - textWidth(text);
  return missing > 0 ? text + ' '.repeat(missing) : text;
}

// C0 and C1 control characters (ESC, CSI, BEL, line breaks...): built from a string for the same reason as above.
const CONTROL_PATTERN = new RegExp(
  `[${String.fromCharCode(0)}-${String.fromCharCode(31)}${String.fromCharCode(127)}-${String.fromCharCode(159)}]+`,
  'g',
);

/**
 * Makes a value safe to show in one terminal cell: control characters become a space. Wearable data comes from
 * third parties, and an escape sequence in a device name must not be able to rewrite the user's terminal.
 */
export function sanitizeCell(text: string): string {
  return text.replace(CONTROL_PATTERN, ' ');
}
