import stringWidth from 'string-width';

/**
 * How many terminal columns `text` takes: East Asian wide characters and emoji count two, combining marks and
 * colour escapes none (string-width's rules, the same ones terminals follow).
 */
export function textWidth(text: string): number {
  return stringWidth(text);
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Cuts plain `text` to at most `width` columns, ending with an ellipsis when it had to cut. Never splits a character. */
export function truncate(text: string, width: number): string {
  if (textWidth(text) <= width) return text;
  const room = width <= 1 ? width : width - 1;
  let used = 0;
  let kept = '';
  for (const { segment } of graphemes.segment(text)) {
    const segmentWidth = textWidth(segment);
    if (used + segmentWidth > room) break;
    kept += segment;
    used += segmentWidth;
  }
  return width <= 1 ? kept : `${kept}…`;
}

/** Pads `text` with spaces to `width` columns. */
export function padEnd(text: string, width: number): string {
  const missing = width - textWidth(text);
  return missing > 0 ? text + ' '.repeat(missing) : text;
}

/** Pads `text` on the left with spaces to `width` columns. */
export function padStart(text: string, width: number): string {
  const missing = width - textWidth(text);
  return missing > 0 ? ' '.repeat(missing) + text : text;
}

// C0 and C1 control characters (ESC, CSI, BEL, line breaks...): built from a string because the ESC
// control character is exactly what this pattern is for.
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
