// Parsers call these so that a 2xx body of the wrong shape becomes a TerraResponseParseError
// (the request loop turns these TypeErrors into one) instead of a crash further down.

/** The body as a JSON object. */
export function objectBody<T>(json: unknown): T {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new TypeError(`expected a JSON object, got ${Array.isArray(json) ? 'an array' : typeof json}`);
  }
  return json as T;
}

/** The body as a JSON array. */
export function arrayBody<T>(json: unknown): T[] {
  if (!Array.isArray(json))
    throw new TypeError(`expected a JSON array, got ${json === null ? 'null' : typeof json}`);
  return json as T[];
}
