import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { type Database, openPgliteDatabase, openPostgresDatabase } from 'terra-store';
import { inject } from 'vitest';

/** Every store test runs on both engines. */
export const ENGINES = ['pglite', 'postgres'] as const;
/** One of {@link ENGINES}. */
export type Engine = (typeof ENGINES)[number];

/** The test server's URL with another database name. */
export function databaseUrl(name: string): string {
  const url = new URL(inject('storeDatabaseUrl'));
  url.pathname = `/${name}`;
  return url.toString();
}

/** Creates an empty database on the test server and returns its URL. */
export async function createServerDatabase(): Promise<string> {
  const name = `terra_store_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const admin = postgres(inject('storeDatabaseUrl'), { max: 1, onnotice: () => undefined });
  try {
    await admin.unsafe(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return databaseUrl(name);
}

/** A fresh, empty database on an engine: PGlite in memory, or a new database on the test server. */
export async function openTestDatabase(engine: Engine): Promise<Database> {
  if (engine === 'pglite') return openPgliteDatabase(undefined);
  return openPostgresDatabase(await createServerDatabase());
}

const TABLES = [
  'terra_inbox',
  'terra_users',
  'terra_user_events',
  'terra_large_requests',
  'terra_large_request_chunks',
  'terra_backfill_chunks',
  'terra_activity',
  'terra_sleep',
  'terra_daily',
  'terra_body',
  'terra_nutrition',
  'terra_menstruation',
  'terra_athlete',
  'terra_planned_workout',
  'terra_hormone',
];

/** Empties every terra-store table (between tests sharing one database). */
export async function resetTables(db: Database): Promise<void> {
  await db.exec(`TRUNCATE ${TABLES.join(', ')} RESTART IDENTITY`);
}
