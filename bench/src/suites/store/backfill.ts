// Backfill a user-year of every data type with samples from the sandbox (a child process, so its CPU is
// not billed here) into each engine, through terra-store and through the naive code: time and size.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type Database, openPgliteDatabase, openStore, type TerraStore } from 'terra-store';
import { Terra } from 'terra-ts';
import type { BenchConfig } from '../../config.js';
import { type BackfillWindowOf, naiveBackfill } from '../../contenders/store/naive-backfill.js';
import type { BenchDataType } from '../../contenders/store/table-rows.js';
import { upsertStatement } from '../../contenders/store/table-rows.js';
import { timeOnce } from '../../harness/clock.js';
import { type Group, groupOf } from '../../harness/result.js';
import { startSandboxProcess } from '../../servers/sandbox-client.js';
import { type BenchServer, directorySize } from './postgres-server.js';

const TYPES: readonly BenchDataType[] = ['activity', 'sleep', 'daily', 'body', 'nutrition', 'menstruation'];
const DAY = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export const STORE_SERVER = 'terra-store backfill(), PostgreSQL 15 server';
export const NAIVE_SERVER = 'naive pg, PostgreSQL 15 server';
export const STORE_PGLITE = 'terra-store backfill(), PGlite';
export const NAIVE_PGLITE = 'naive, PGlite';

/** The stores the backfill left behind (for the query benchmark) and what it measured. */
export interface BackfillResult {
  readonly groups: Group[];
  readonly notes: string[];
  readonly stores: ReadonlyArray<{ engine: string; store: TerraStore; userId: string }>;
  readonly range: { from: string; to: string };
  /** Closes the stores, then measures the PGlite directories (sizes are final only when closed). */
  finish(): Promise<Group>;
}

function windowsOf(from: string, to: string): BackfillWindowOf[] {
  const out: BackfillWindowOf[] = [];
  for (const type of TYPES) {
    for (let t = Date.parse(from); t < Date.parse(to); t += 30 * DAY) {
      out.push({ type, start: day(t), end: day(Math.min(Date.parse(to), t + 30 * DAY)) });
    }
  }
  return out;
}

/** Backfills one user per contender, one after another. */
export async function measureBackfill(
  server: BenchServer,
  config: BenchConfig['store'],
  seed: number,
): Promise<BackfillResult> {
  const to = day(Date.now() - 2 * DAY);
  const from = day(Date.parse(to) - config.backfillDays * DAY);
  // One user per engine, so both contenders of an engine fetch the very same records (a user's hourly
  // budget of 6,000 requested days holds two year-long backfills of six types).
  const sandbox = await startSandboxProcess({ seed, users: 2 });
  const [u1, u3] = sandbox.userIds as [string, string];
  const u2 = u1;
  const u4 = u3;
  const terra = new Terra({ apiKey: sandbox.apiKey, devId: sandbox.devId, baseUrl: sandbox.baseUrl });
  const windows = windowsOf(from, to);
  const times = new Map<string, number[]>();
  const records = new Map<string, number>();
  const stores: Array<{ engine: string; store: TerraStore; userId: string }> = [];
  const pgliteDirs = new Map<string, string>();
  const toClose: Database[] = [];
  try {
    // terra-store on the server.
    const storeUrl = await server.createDatabase('backfill_store');
    const serverStore = await openStore({ database: storeUrl, terra, processing: 'workers' });
    stores.push({ engine: 'PostgreSQL 15 server', store: serverStore, userId: u1 });
    times.set(STORE_SERVER, [
      await timeOnce(async () => {
        const p = await serverStore.backfill({ userId: u1, from, to, types: TYPES });
        records.set(STORE_SERVER, p.records);
      }),
    ]);
    // The naive code on the server (same schema, made by terra-store's migrations).
    const naiveUrl = await server.createDatabase('backfill_naive');
    await (await openStore({ database: naiveUrl, processing: 'workers' })).close();
    const pool = new pg.Pool({ connectionString: naiveUrl, max: 4 });
    try {
      times.set(NAIVE_SERVER, [
        await timeOnce(async () => {
          const n = await naiveBackfill(terra, u2, windows, async (rows) => {
            const client = await pool.connect();
            try {
              await client.query('BEGIN');
              for (const row of rows) await client.query(upsertStatement(row), row.values as unknown[]);
              await client.query('COMMIT');
            } finally {
              client.release();
            }
          });
          records.set(NAIVE_SERVER, n);
        }),
      ]);
    } finally {
      await pool.end();
    }
    // terra-store on PGlite, in a directory.
    const storeDir = mkdtempSync(join(tmpdir(), 'terra-bench-backfill-store-'));
    pgliteDirs.set(STORE_PGLITE, storeDir);
    const pgliteStore = await openStore({ database: storeDir, terra, processing: 'workers' });
    stores.push({ engine: 'PGlite', store: pgliteStore, userId: u3 });
    times.set(STORE_PGLITE, [
      await timeOnce(async () => {
        const p = await pgliteStore.backfill({ userId: u3, from, to, types: TYPES });
        records.set(STORE_PGLITE, p.records);
      }),
    ]);
    // The naive code on PGlite.
    const naiveDir = mkdtempSync(join(tmpdir(), 'terra-bench-backfill-naive-'));
    pgliteDirs.set(NAIVE_PGLITE, naiveDir);
    const naiveDb = await openPgliteDatabase(naiveDir);
    toClose.push(naiveDb);
    await (await openStore({ database: naiveDb, processing: 'workers' })).close();
    times.set(NAIVE_PGLITE, [
      await timeOnce(async () => {
        const n = await naiveBackfill(terra, u4, windows, (rows) =>
          naiveDb.transaction(async (tx) => {
            for (const row of rows) await tx.query(upsertStatement(row), row.values);
          }),
        );
        records.set(NAIVE_PGLITE, n);
      }),
    ]);
  } finally {
    await sandbox.close();
  }
  if (
    records.get(STORE_SERVER) !== records.get(NAIVE_SERVER) ||
    records.get(STORE_PGLITE) !== records.get(NAIVE_PGLITE)
  ) {
    throw new Error(
      `the contenders of one engine fetched different record counts: ${JSON.stringify([...records])}`,
    );
  }
  const title = `a user-year (${config.backfillDays} days) of ${TYPES.join(', ')} with samples (server user ${records.get(STORE_SERVER)} records, PGlite user ${records.get(STORE_PGLITE)}) in ${windows.length} requests of 30 days, 4 at once`;
  return {
    groups: [groupOf(`backfill ${title}`, 'ms', NAIVE_SERVER, times)],
    notes: [],
    stores,
    range: { from, to },
    async finish() {
      const sizes = new Map<string, number[]>();
      sizes.set(NAIVE_SERVER, [(await server.databaseSize('backfill_naive')) / 1024 / 1024]);
      sizes.set(STORE_SERVER, [(await server.databaseSize('backfill_store')) / 1024 / 1024]);
      for (const s of stores) await s.store.close();
      for (const db of toClose) await db.close();
      for (const [name, dir] of pgliteDirs) sizes.set(name, [directorySize(dir) / 1024 / 1024]);
      for (const dir of pgliteDirs.values()) rmSync(dir, { recursive: true, force: true });
      return groupOf(
        'database size after the backfill (server: pg_database_size, empty schema included; PGlite: its data directory)',
        'MB',
        NAIVE_SERVER,
        sizes,
      );
    },
  };
}
