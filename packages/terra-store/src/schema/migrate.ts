import type { Database } from '../db/database.js';
import { SchemaTooNewError } from '../errors/schema-too-new-error.js';
import { MIGRATIONS, type Migration, SCHEMA_VERSION } from './migrations.js';

/** What {@link migrate} did. */
export interface MigrationResult {
  /** The version found before. */
  readonly from: number;
  /** The version now. */
  readonly to: number;
  /** The versions applied by this call (empty when another process had already done it). */
  readonly applied: readonly number[];
}

// An arbitrary constant shared by every terra-store process: the advisory lock that serialises migrations.
const MIGRATION_LOCK = 7_312_041_913;

/**
 * Brings the schema to {@link SCHEMA_VERSION}: in one transaction, under a transaction-level advisory lock,
 * so processes starting at once apply each migration exactly once (the others wait, then find nothing to do).
 *
 * @throws {@link SchemaTooNewError} when the database is newer than this code (nothing is changed).
 */
export async function migrate(
  db: Database,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<MigrationResult> {
  const latest = migrations.at(-1)?.version ?? SCHEMA_VERSION;
  return db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await tx.query(`CREATE TABLE IF NOT EXISTS terra_schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const [row] = await tx.query<{ version: number | null }>(
      'SELECT max(version) AS version FROM terra_schema_migrations',
    );
    const from = Number(row?.version ?? 0);
    if (from > latest) throw new SchemaTooNewError(from, latest);
    const applied: number[] = [];
    for (const migration of migrations) {
      if (migration.version <= from) continue;
      for (const statement of migration.statements) await tx.query(statement);
      await tx.query('INSERT INTO terra_schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      applied.push(migration.version);
    }
    return { from, to: Math.max(from, latest), applied };
  });
}

/** The schema version a database is at (0 when terra-store never ran on it). */
export async function schemaVersion(db: Database): Promise<number> {
  const [exists] = await db.query<{ present: boolean }>(
    "SELECT to_regclass('terra_schema_migrations') IS NOT NULL AS present",
  );
  if (!exists?.present) return 0;
  const [row] = await db.query<{ version: number | null }>(
    'SELECT max(version) AS version FROM terra_schema_migrations',
  );
  return Number(row?.version ?? 0);
}
