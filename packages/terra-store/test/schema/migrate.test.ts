import {
  type Database,
  MIGRATIONS,
  migrate,
  openPostgresDatabase,
  openStore,
  SCHEMA_VERSION,
  SchemaTooNewError,
  schemaVersion,
} from 'terra-store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerDatabase, ENGINES, openTestDatabase } from '../support/engines.js';

describe.each(ENGINES)('migrations on %s', (engine) => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase(engine);
  });
  afterAll(async () => {
    await db.close();
  });

  it('brings an empty database to the newest version once; a second run applies nothing', async () => {
    expect(await schemaVersion(db)).toBe(0);
    const first = await migrate(db);
    expect(first).toEqual({ from: 0, to: SCHEMA_VERSION, applied: MIGRATIONS.map((m) => m.version) });
    const second = await migrate(db);
    expect(second.applied).toEqual([]);
    expect(await schemaVersion(db)).toBe(SCHEMA_VERSION);
  });

  it('compresses inbox bodies with lz4 where the engine has it, and changes nothing where it does not', async () => {
    const [row] = await db.query<{ compression: string; lz4: boolean }>(
      `SELECT attcompression::text AS compression,
         (SELECT 'lz4' = ANY (enumvals) FROM pg_settings WHERE name = 'default_toast_compression') AS lz4
       FROM pg_attribute WHERE attrelid = 'terra_inbox'::regclass AND attname = 'body'`,
    );
    expect(row?.compression).toBe(row?.lz4 ? 'l' : '');
    if (engine === 'postgres') expect(row?.lz4).toBe(true);
  });

  it('makes "this user\'s sleep between two dates" an index scan', async () => {
    await db.query(
      `INSERT INTO terra_sleep (user_id, summary_id, start_time, local_day, ordering_ts, record, source)
       SELECT 'u' || (i % 50), 's' || i, now() - (i || ' hours')::interval, current_date - (i / 24), 0, '{}'::jsonb, 'backfill'
       FROM generate_series(1, 5000) i`,
    );
    await db.query('ANALYZE terra_sleep');
    const plan = await db.query<Record<string, string>>(
      `EXPLAIN SELECT record FROM terra_sleep WHERE user_id = 'u7' AND start_time >= now() - interval '30 days' AND start_time < now()`,
    );
    const text = plan.map((r) => Object.values(r)[0]).join('\n');
    expect(text).toMatch(/Index (Only )?Scan|Bitmap Index Scan/);
    expect(text).toMatch(/terra_sleep_user_start|terra_sleep_pkey/);
    const byDay = await db.query<Record<string, string>>(
      `EXPLAIN SELECT record FROM terra_sleep WHERE user_id = 'u7' AND local_day BETWEEN current_date - 30 AND current_date`,
    );
    expect(byDay.map((r) => Object.values(r)[0]).join('\n')).toMatch(/terra_sleep_user_day/);
  });

  it('refuses a schema newer than the code with a typed error that says what to do', async () => {
    await db.query(
      `INSERT INTO terra_schema_migrations (version, name) VALUES (${SCHEMA_VERSION + 1}, 'from the future')`,
    );
    const error = await migrate(db).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SchemaTooNewError);
    expect((error as SchemaTooNewError).databaseVersion).toBe(SCHEMA_VERSION + 1);
    expect((error as Error).message).toMatch(/newer than this terra-store knows.*Upgrade terra-store/);
    const store = await openStore({ database: db }).catch((e: unknown) => e);
    expect(store).toBeInstanceOf(SchemaTooNewError);
    await db.query(`DELETE FROM terra_schema_migrations WHERE version = ${SCHEMA_VERSION + 1}`);
  });
});

describe('migrations on a server', () => {
  it('are applied exactly once when several processes start at the same time (advisory lock)', async () => {
    const url = await createServerDatabase();
    const dbs = await Promise.all(Array.from({ length: 4 }, () => openPostgresDatabase(url)));
    try {
      const results = await Promise.all(dbs.map((db) => migrate(db)));
      const applied = results.flatMap((r) => r.applied);
      expect(applied.sort()).toEqual(MIGRATIONS.map((m) => m.version));
      const rows = await dbs[0]?.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM terra_schema_migrations',
      );
      expect(rows?.[0]?.n).toBe(MIGRATIONS.length);
    } finally {
      await Promise.all(dbs.map((db) => db.close()));
    }
  });
});
