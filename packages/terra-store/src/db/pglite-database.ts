import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Database, Queryable, Row } from './database.js';

function wrap(engine: Pick<PGlite | Transaction, 'query'>): Queryable {
  return {
    async query<T extends Row = Row>(sql: string, params: readonly unknown[] = []) {
      const result = await engine.query<T>(sql, params as unknown[]);
      return result.rows;
    },
  };
}

/**
 * Opens an embedded PGlite database (PostgreSQL compiled to WASM, in this process).
 *
 * @param dataDir - a directory to keep the database in (created when missing), or `undefined` for memory only.
 */
export async function openPgliteDatabase(dataDir: string | undefined): Promise<Database> {
  const pglite = await PGlite.create(dataDir);
  const queryable = wrap(pglite);
  return {
    engine: 'pglite',
    query: queryable.query,
    transaction: (work) => pglite.transaction((tx) => work(wrap(tx))),
    async exec(sql) {
      await pglite.exec(sql);
    },
    close: () => pglite.close(),
  };
}
