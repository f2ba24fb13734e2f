/** A range of a user's records. */
export interface RecordRange {
  /** Inclusive start: a `Date`/ISO time (by record time) or `'YYYY-MM-DD'` (by local day). */
  from?: Date | string;
  /** Exclusive end for times; inclusive last day for `'YYYY-MM-DD'` with `by: 'day'`. */
  to?: Date | string;
  /** Filter on the record's start time (default) or on the user's local day. */
  by?: 'time' | 'day';
  /** Most records returned (default: all). */
  limit?: number;
}

/** The WHERE clause (after `user_id = $1`) and its parameters, numbered from `$2`. */
export function rangeClause(range: RecordRange = {}): { sql: string; params: unknown[] } {
  const column = range.by === 'day' ? 'local_day' : 'start_time';
  const cast = range.by === 'day' ? 'date' : 'timestamptz';
  const parts: string[] = [];
  const params: unknown[] = [];
  const value = (v: Date | string) => (v instanceof Date ? v.toISOString() : v);
  if (range.from !== undefined) {
    params.push(value(range.from));
    parts.push(`${column} >= $${params.length + 1}::${cast}`);
  }
  if (range.to !== undefined) {
    params.push(value(range.to));
    parts.push(`${column} ${range.by === 'day' ? '<=' : '<'} $${params.length + 1}::${cast}`);
  }
  return { sql: parts.map((p) => ` AND ${p}`).join(''), params };
}
