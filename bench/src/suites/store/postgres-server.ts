// The PostgreSQL server the store suite measures on: a throwaway cluster started from the system's
// binaries by terra-store's own test helper (as the `postgres` OS user when root, temp dir, free port),
// removed afterwards.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import postgres from 'postgres';
import {
  type PostgresCluster,
  startPostgresCluster,
} from '../../../../packages/terra-store/test/support/postgres-cluster.js';

/** A running server and helpers to make databases on it. */
export interface BenchServer {
  /** A fresh empty database; commits wait for the WAL write (the cluster's default is asynchronous commit). */
  createDatabase(name: string): Promise<string>;
  /** `pg_database_size` of a database, in bytes. */
  databaseSize(name: string): Promise<number>;
  stop(): Promise<void>;
}

/** Starts the cluster. */
export async function startBenchServer(): Promise<BenchServer> {
  const cluster: PostgresCluster = await startPostgresCluster();
  const admin = postgres(cluster.url, { max: 1, onnotice: () => undefined });
  const urlOf = (name: string) => {
    const url = new URL(cluster.url);
    url.pathname = `/${name}`;
    return url.toString();
  };
  return {
    async createDatabase(name) {
      await admin.unsafe(`CREATE DATABASE ${name}`);
      // Durable acknowledgement: an acknowledged delivery's COMMIT has been written to the WAL.
      await admin.unsafe(`ALTER DATABASE ${name} SET synchronous_commit = on`);
      return urlOf(name);
    },
    async databaseSize(name) {
      const [row] = await admin.unsafe('SELECT pg_database_size($1)::bigint AS size', [name]);
      return Number(row?.size ?? 0);
    },
    async stop() {
      await admin.end({ timeout: 5 }).catch(() => undefined);
      await cluster.stop();
    },
  };
}

/** Bytes of every file under a directory (a PGlite data directory). */
export function directorySize(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? directorySize(path) : statSync(path).size;
  }
  return total;
}
