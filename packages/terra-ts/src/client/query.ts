/** A query parameter value; undefined parameters are left out. */
export type QueryValue = string | number | boolean | undefined;

/** Builds `a=1&b=x` from a record, skipping undefined values. */
export function buildQuery(params: Record<string, QueryValue>): string {
  let query = '';
  for (const key in params) {
    const value = params[key];
    if (value === undefined) continue;
    if (query !== '') query += '&';
    query += `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`;
  }
  return query;
}
