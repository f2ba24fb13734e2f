import { UsageError } from '../cli-error.js';

/** A JSON value as it arrives from Terra. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A JSON object (one record). */
export type JsonRecord = { [key: string]: JsonValue };

const FIELD_PATTERN = /^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/;

/**
 * Parses `--fields user_id,metadata.start_time` into dotted paths. Paths use Terra's own (snake_case) names,
 * with a number to index an array (`data.0.metadata.summary_id`).
 */
export function parseFields(value: string): string[] {
  const fields = value
    .split(',')
    .map((field) => field.trim())
    .filter((field) => field !== '');
  if (fields.length === 0) {
    throw new UsageError(
      '--fields is empty',
      'list fields separated by commas, e.g. --fields user_id,provider',
    );
  }
  for (const field of fields) {
    if (!FIELD_PATTERN.test(field)) {
      throw new UsageError(
        `--fields: "${field}" is not a field path`,
        'use dotted names from the JSON output, e.g. metadata.start_time',
      );
    }
  }
  return fields;
}

function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a dotted path from a record; `undefined` when any step is missing. */
export function getPath(record: unknown, path: string): unknown {
  let current: unknown = record;
  for (const key of path.split('.')) {
    if (Array.isArray(current)) current = current[Number(key)];
    else if (isRecord(current)) current = current[key];
    else return undefined;
  }
  return current;
}

/**
 * Builds a record holding only the given paths, nested as in the original (Terra's names are kept,
 * never flattened or renamed). Missing paths come out as `null` so every line of NDJSON has the same keys.
 */
export function pickFields(record: unknown, paths: readonly string[]): JsonRecord {
  const result: JsonRecord = {};
  for (const path of paths) {
    const keys = path.split('.');
    let target = result;
    for (const key of keys.slice(0, -1)) {
      const next = target[key];
      if (isRecord(next)) target = next;
      else {
        const created: JsonRecord = {};
        target[key] = created;
        target = created;
      }
    }
    const value = getPath(record, path);
    target[keys[keys.length - 1] as string] = value === undefined ? null : (value as JsonValue);
  }
  return result;
}

/**
 * The columns to show for records when the command has no preferred set: every scalar path of the first record,
 * descending into nested objects (not arrays, which do not fit a cell).
 */
export function inferColumns(record: unknown, prefix = '', depth = 0): string[] {
  if (!isRecord(record)) return prefix === '' ? ['value'] : [prefix];
  const columns: string[] = [];
  for (const [key, value] of Object.entries(record)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (isRecord(value) && depth < 2) columns.push(...inferColumns(value, path, depth + 1));
    else if (!Array.isArray(value) && !isRecord(value)) columns.push(path);
  }
  return columns;
}

/** Renders one value for a table or CSV cell. */
export function formatCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
