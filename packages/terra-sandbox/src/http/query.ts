import { badRequest } from './problem.js';

/** A required query parameter, or a 400 naming it. */
export function requireParam(query: URLSearchParams, name: string): string {
  const value = query.get(name);
  if (value === null || value === '') throw badRequest(`missing required query parameter ${name}`);
  return value;
}

/** A boolean query parameter (`true`/`false`, any case), its default when absent, else a 400. */
export function booleanParam(query: URLSearchParams, name: string, fallback: boolean): boolean {
  const value = query.get(name);
  if (value === null || value === '') return fallback;
  const lower = value.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  throw badRequest(`${name} must be true or false, got ${JSON.stringify(value)}`);
}

/** A non-negative integer query parameter, its default when absent, else a 400. */
export function integerParam(
  query: URLSearchParams,
  name: string,
  fallback: number | undefined,
  min = 0,
): number | undefined {
  const value = query.get(name);
  if (value === null || value === '') return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min) {
    throw badRequest(`${name} must be an integer >= ${min}, got ${JSON.stringify(value)}`);
  }
  return n;
}
