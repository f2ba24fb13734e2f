import { badRequest } from './problem.js';

/** The body as a plain JSON object (an empty body counts as `{}`), else a 400. */
export function asObject(body: unknown, what: string): Record<string, unknown> {
  if (body === undefined) return {};
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw badRequest(`${what} must be a JSON object`);
  }
  return body as Record<string, unknown>;
}

/** An optional string field, else a 400 naming the field. */
export function optionalString(obj: Record<string, unknown>, field: string): string | undefined {
  const value = obj[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw badRequest(`${field} must be a string`);
  return value;
}
