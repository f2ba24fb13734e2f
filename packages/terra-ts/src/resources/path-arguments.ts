import { requireString } from '../client/arguments.js';
import { parseDateInput } from '../dates/date-input.js';
import { TerraInvalidArgumentError } from '../errors/terra-invalid-argument-error.js';
import { checkIdSegment } from './id-segment-check.js';

/** A path-segment id (ids are strings in terra-ts, though some paths type them int64), checked and encoded. */
export function idSegment(value: unknown, name: string): string {
  const id = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
  return encodeURIComponent(checkIdSegment(requireString(id, name, `the ${name} Terra returned`), name));
}

/** A `'YYYY-MM-DD'` day argument. */
export function dayString(value: unknown, name: string): string {
  if (typeof value !== 'string') {
    throw new TerraInvalidArgumentError(name, `${name} must be a 'YYYY-MM-DD' string; got a ${typeof value}`);
  }
  parseDateInput(value, name);
  return value;
}
