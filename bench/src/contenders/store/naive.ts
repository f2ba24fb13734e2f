// The code a user writes without terra-store: verify the signature, parse, then one
// INSERT ... ON CONFLICT per record inside one transaction per delivery, and answer 200 after COMMIT.
import pg from 'pg';
import type { Database } from 'terra-store';
import { rawVerifyAndParse } from '../webhook-signature.js';
import { COUNT_SQL, listen, orderingTsOf, type Receiver } from './receiver.js';
import { isBenchDataType, payloadRows, type TableRow, upsertStatement } from './table-rows.js';

/** Runs a delivery's statements in one transaction. */
type Transact = (rows: readonly TableRow[]) => Promise<void>;

function rowsOf(body: Buffer, headers: Record<string, unknown>, secret: string): TableRow[] {
  const json = rawVerifyAndParse(body.toString('utf8'), String(headers['terra-signature']), secret) as {
    type?: unknown;
  };
  if (!isBenchDataType(json.type)) return [];
  return payloadRows(json as Parameters<typeof payloadRows>[0], json.type, orderingTsOf(headers as never));
}

async function naiveReceiver(
  transact: Transact,
  count: (userId: string) => Promise<number>,
  end: () => Promise<void>,
  secret: string,
): Promise<Receiver> {
  const server = await listen({ body: (body, headers) => transact(rowsOf(body, headers, secret)) });
  return {
    url: server.url,
    settle: async () => undefined,
    count,
    async close() {
      await server.close();
      await end();
    },
  };
}

/** The naive receiver on a PostgreSQL server through `pg` (a pool of `maxConnections`, as terra-store's). */
export function naivePgReceiver(url: string, secret: string, maxConnections: number): Promise<Receiver> {
  const pool = new pg.Pool({ connectionString: url, max: maxConnections });
  const transact: Transact = async (rows) => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      for (const row of rows) await client.query(upsertStatement(row), row.values as unknown[]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };
  const count = async (userId: string) =>
    Number((await pool.query<{ n: string }>(COUNT_SQL, [userId])).rows[0]?.n ?? 0);
  return naiveReceiver(transact, count, () => pool.end(), secret);
}

/** The same naive code on embedded PGlite (one statement per record, one transaction per delivery). */
export function naivePgliteReceiver(db: Database, secret: string): Promise<Receiver> {
  const transact: Transact = (rows) =>
    db.transaction(async (tx) => {
      for (const row of rows) await tx.query(upsertStatement(row), row.values);
    });
  const count = async (userId: string) =>
    Number((await db.query<{ n: string }>(COUNT_SQL, [userId]))[0]?.n ?? 0);
  return naiveReceiver(transact, count, async () => undefined, secret);
}
