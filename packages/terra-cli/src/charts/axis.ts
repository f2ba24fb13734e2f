/**
 * Writes labels into a line of `width` columns, each starting at its column (the last ones moved left to end
 * inside the line); a label closer than two spaces to the one before it is left out, so labels never run together.
 */
export function placeLabels(labels: ReadonlyArray<{ column: number; text: string }>, width: number): string {
  const line = new Array<string>(width).fill(' ');
  let free = 0;
  for (const { column, text } of labels) {
    const at = Math.min(Math.max(0, column), width - text.length);
    if (at < free || at < 0) continue;
    for (let i = 0; i < text.length; i += 1) line[at + i] = text[i] as string;
    free = at + text.length + 2;
  }
  return line.join('').trimEnd();
}

/** A round step (1, 2, 2.5 or 5 times a power of ten) that splits `max` into about `parts` parts. */
export function niceStep(max: number, parts: number): number {
  const raw = Math.max(max, 1) / Math.max(1, parts);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= raw);
  return Math.max(1, step ?? 10 * power);
}

/** `12345` -> `12,345`. */
export function formatCount(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}
