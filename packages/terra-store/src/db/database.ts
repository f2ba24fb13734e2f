/** A row as the engine returns it: column name to value. */
export type Row = Record<string, unknown>;

/**
 * What terra-store needs from a database: parameterised SQL and transactions. Two implementations
 * (PGlite in-process, a PostgreSQL server through the `postgres` driver) run the same SQL.
 *
 * Parameters are `$1, $2, ...`; pass text, numbers, booleans, `null` or `Uint8Array` (bytea). JSON goes in
 * as text and is cast in SQL (`$1::text::jsonb`), so both drivers send it the same way.
 */
export interface Queryable {
  /** Runs one statement and returns its rows. */
  query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

/** A connection pool or an embedded engine that terra-store owns. */
export interface Database extends Queryable {
  /** Which engine this is. */
  readonly engine: 'pglite' | 'postgres';
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs several statements separated by `;` without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** Closes the pool or the engine. */
  close(): Promise<void>;
  /**
   * Subscribes to `NOTIFY` on `channel` over a connection of its own that reconnects by itself (servers only;
   * PGlite has no other process to hear from, so it leaves this out and workers poll). Resolves once
   * listening, with the function that stops.
   */
  listen?(channel: string, onNotify: () => void): Promise<() => Promise<void>>;
}
