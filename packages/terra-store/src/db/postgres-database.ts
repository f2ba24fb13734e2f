import postgres from 'postgres';
import { DatabaseUnavailableError } from '../errors/database-unavailable-error.js';
import type { Database, Queryable, Row } from './database.js';
import { parsePostgresUrl } from './postgres-url.js';

/** Pool options for a PostgreSQL server. */
export interface PostgresDatabaseOptions {
  /** Most connections this process opens (default 10). */
  maxConnections?: number;
  /** Seconds to wait for a connection before failing (default 10). */
  connectTimeoutSeconds?: number;
  /** The server cancels any statement running longer than this (`statement_timeout`; default none). */
  statementTimeoutMs?: number;
  /**
   * The server ends a session left idle inside a transaction this long (`idle_in_transaction_session_timeout`),
   * releasing its locks: a frozen worker then cannot hold an inbox row past its lease. Default none.
   */
  idleInTransactionTimeoutMs?: number;
}

function sessionSettings(options: PostgresDatabaseOptions): Record<string, string> {
  const settings: Record<string, string> = {};
  for (const [name, value] of [
    ['statement_timeout', options.statementTimeoutMs],
    ['idle_in_transaction_session_timeout', options.idleInTransactionTimeoutMs],
  ] as const) {
    if (value === undefined) continue;
    if (!Number.isInteger(value) || value <= 0) {
      throw new RangeError(`${name} must be a whole number of milliseconds above 0, got ${String(value)}`);
    }
    settings[name] = String(value);
  }
  return settings;
}

type Sql = postgres.Sql | postgres.TransactionSql;

function wrap(sql: Sql): Queryable {
  return {
    async query<T extends Row = Row>(text: string, params: readonly unknown[] = []) {
      // `unsafe` leaves statements unprepared unless told: each statement with parameters would then be parsed
      // and planned anew, after a round trip of its own to learn its parameter types (Parse, Describe, wait,
      // Bind, Execute). Prepared, a repeat is one Bind and Execute on a statement the connection keeps.
      const rows = await sql.unsafe(text, params as postgres.ParameterOrJSON<never>[], { prepare: true });
      return rows as unknown as T[];
    },
  };
}

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  '28P01', // invalid password
  '28000', // no pg_hba entry / role
  '3D000', // database does not exist
  '57P03', // the server is starting up
]);

/** Whether an error means the server could not be reached (rather than a bad statement). */
export function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && CONNECTION_CODES.has(code);
}

/**
 * Opens a pool on a PostgreSQL server (self-hosted, RDS, Neon, Supabase, ...) through the `postgres` driver.
 * The first connection is made at once, so a wrong URL or a server that is down fails here.
 *
 * @throws {@link DatabaseUrlError} for a malformed URL; {@link DatabaseUnavailableError} when no connection can be made.
 */
export async function openPostgresDatabase(
  url: string,
  options: PostgresDatabaseOptions = {},
): Promise<Database> {
  const target = parsePostgresUrl(url);
  const connection = sessionSettings(options);
  const sql = postgres(target.url, {
    connection,
    max: options.maxConnections ?? 10,
    connect_timeout: options.connectTimeoutSeconds ?? 10,
    onnotice: () => undefined,
    // Our own statements are few and repeated: prepared once per connection.
    prepare: true,
  });
  try {
    await sql.unsafe('select 1');
  } catch (error) {
    await sql.end({ timeout: 0 }).catch(() => undefined);
    throw new DatabaseUnavailableError(target.display, error);
  }
  const queryable = wrap(sql);
  return {
    engine: 'postgres',
    query: queryable.query,
    transaction: async (work) => (await sql.begin((tx) => work(wrap(tx)))) as never,
    async exec(text) {
      await sql.unsafe(text).simple();
    },
    close: () => sql.end({ timeout: 5 }),
    async listen(channel, onNotify) {
      // postgres.js keeps LISTEN on a connection of its own and listens again after a reconnect.
      const { unlisten } = await sql.listen(channel, () => onNotify());
      return unlisten;
    },
  };
}
