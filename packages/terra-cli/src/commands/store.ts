import type { Command } from 'commander';
import type { App } from '../app.js';
import { registerStoreBackfill } from './store-backfill.js';
import { registerStoreMigrate } from './store-migrate.js';
import { registerStoreQuery } from './store-query.js';
import { registerStoreRetry } from './store-retry.js';
import { registerStoreServe } from './store-serve.js';
import { registerStoreStatus } from './store-status.js';
import { registerStoreWork } from './store-work.js';

/** `terra store ...`: Terra records in your own PostgreSQL (terra-store), embedded PGlite by default. */
export function registerStore(parent: Command, app: App): void {
  const store = parent
    .command('store')
    .description(
      'keep every Terra record in PostgreSQL: serve a webhook endpoint, backfill, query (embedded by default)',
    )
    .addHelpText(
      'after',
      '\nThe database: --database, else TERRA_STORE_DATABASE, else the directory ./.terra-store (embedded PGlite).\n' +
        'A postgres://user:password@host:5432/db URL uses a PostgreSQL server; its password is never printed.',
    );
  registerStoreServe(store, app);
  registerStoreWork(store, app);
  registerStoreMigrate(store, app);
  registerStoreBackfill(store, app);
  registerStoreStatus(store, app);
  registerStoreQuery(store, app);
  registerStoreRetry(store, app);
}
