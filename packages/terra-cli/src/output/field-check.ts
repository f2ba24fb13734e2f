import { UsageError } from '../cli-error.js';
import { getPath } from './fields.js';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every dotted path of a record (objects descended, arrays named but not entered), for suggestions. */
function pathsOf(value: unknown, prefix = '', into: Set<string> = new Set()): Set<string> {
  if (!isObject(value)) return into;
  for (const [key, child] of Object.entries(value)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    into.add(path);
    pathsOf(child, path, into);
  }
  return into;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const above = row[j] ?? 0;
      row[j] = Math.min(above + 1, (row[j - 1] ?? 0) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] ?? 0;
}

/** The closest existing path to `path`: same last name under another parent, or a small typo away. */
function closest(path: string, known: ReadonlySet<string>): string | undefined {
  const last = path.split('.').at(-1) ?? path;
  const sameName = [...known].filter((candidate) => candidate.split('.').at(-1) === last);
  if (sameName.length > 0) return sameName.sort((a, b) => a.length - b.length)[0];
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(path.length / 3)) + 1;
  for (const candidate of known) {
    const d = distance(path, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** Whether some record has a value (null counts: the field exists) at `path`. */
export function matchesAny(records: readonly unknown[], path: string): boolean {
  return records.some((record) => getPath(record, path) !== undefined);
}

/**
 * The usage error for `--fields` paths that match no field of the records, with a did-you-mean from the paths
 * the records do have.
 */
export function missingFieldsError(missing: readonly string[], records: readonly unknown[]): UsageError {
  const known = new Set<string>();
  for (const record of records.slice(0, 50)) pathsOf(record, '', known);
  const suggestions = missing
    .map((path) => [path, closest(path, known)] as const)
    .filter((pair): pair is readonly [string, string] => pair[1] !== undefined);
  const quoted = missing.map((path) => `"${path}"`).join(', ');
  const didYouMean =
    suggestions.length === 0
      ? ''
      : `did you mean ${suggestions.map(([, suggestion]) => suggestion).join(', ')}? `;
  return new UsageError(
    `--fields: ${quoted} ${missing.length === 1 ? 'matches' : 'match'} no field in the records`,
    `${didYouMean}--json shows every field; --allow-missing-fields prints absent ones empty`,
  );
}
