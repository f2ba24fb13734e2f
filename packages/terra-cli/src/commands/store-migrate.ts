import type { Command } from 'commander';
import { type App, action } from '../app.js';
import { openCliStore } from '../store/open-cli-store.js';
import { addDatabaseOption, type StoreOptions } from './store-options.js';

/** `terra store migrate`: applies pending migrations and prints the schema version. */
export function registerStoreMigrate(parent: Command, app: App): void {
  addDatabaseOption(
    parent.command('migrate').description('apply pending schema migrations and print the schema version'),
  ).action(
    action<StoreOptions>(app, async (context, options) => {
      const { store, database } = await openCliStore(context, app.redactor, options.database, {
        processing: 'workers',
      });
      const migration = store.migration ?? (await store.migrate());
      context.printer.object(
        {
          database: database.display,
          engine: store.db.engine,
          schema_version: migration.to,
          previous_version: migration.from,
          applied: migration.applied,
        },
        [
          ['database', 'database'],
          ['engine', 'engine'],
          ['schema version', 'schema_version'],
          ['was', 'previous_version'],
          [
            'applied now',
            'applied',
            (value) => ((value as number[]).length ? (value as number[]).join(', ') : 'none (up to date)'),
          ],
        ],
      );
    }),
  );
}
