import type { Database } from './database.js';
import { openPgliteDatabase } from './pglite-database.js';
import { openPostgresDatabase, type PostgresDatabaseOptions } from './postgres-database.js';
import { isPostgresUrl } from './postgres-url.js';

/**
 * Opens the database a `database` option names: a `postgres://` URL (a server), a directory (embedded PGlite
 * kept on disk), or `undefined`/`'memory://'` (embedded PGlite in memory).
 */
export function openDatabase(
  database: string | undefined,
  options: PostgresDatabaseOptions = {},
): Promise<Database> {
  if (database === undefined || database === 'memory://' || database === ':memory:') {
    return openPgliteDatabase(undefined);
  }
  if (isPostgresUrl(database)) return openPostgresDatabase(database, options);
  return openPgliteDatabase(database);
}
