import type { TestProject } from 'vitest/node';
import { type PostgresCluster, startPostgresCluster } from './postgres-cluster.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PostgreSQL server URL whose role may CREATE DATABASE (one database per test file). */
    storeDatabaseUrl: string;
  }
}

/**
 * Starts a throwaway PostgreSQL cluster for the store's tests (or uses TERRA_STORE_TEST_DATABASE_URL) and
 * removes it afterwards. Without a server the run fails with how to install one: store tests never skip.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const given = process.env.TERRA_STORE_TEST_DATABASE_URL;
  let cluster: PostgresCluster | undefined;
  if (!given) cluster = await startPostgresCluster();
  project.provide('storeDatabaseUrl', given ?? (cluster as PostgresCluster).url);
  return async () => {
    await cluster?.stop();
  };
}
