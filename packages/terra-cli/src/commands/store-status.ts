import type { Command } from 'commander';
import { type App, action } from '../app.js';
import { openCliStore } from '../store/open-cli-store.js';
import { formatAge, readStoreStatus } from '../store/store-status.js';
import { addDatabaseOption, type StoreOptions } from './store-options.js';

const FAILURE_COLUMNS = [
  ['type', 'type'],
  ['user', 'user_id'],
  ['retrying', 'retrying'],
  ['dead', 'dead'],
  ['last error', 'last_error'],
] as const;

const USER_COLUMNS = [
  ['user', 'user_id'],
  ['provider', 'provider'],
  ['state', 'state'],
  ['reference', 'reference_id'],
  ['last delivery', 'last_delivery_at'],
] as const;

/** `terra store status`: inbox depth, lag, failures per type and user, users and their connection state. */
export function registerStoreStatus(parent: Command, app: App): void {
  addDatabaseOption(
    parent
      .command('status')
      .description('inbox depth, lag, failures per type and user, and users with their connection state'),
  ).action(
    action<StoreOptions>(app, async (context, options) => {
      const { store, database } = await openCliStore(context, app.redactor, options.database, {
        processing: 'workers',
      });
      const status = await readStoreStatus(store, database.display);
      const printer = context.printer;
      if (printer.format !== 'table' || context.options.fields !== undefined) {
        printer.object(status, []);
        return;
      }
      printer.object(status, [
        ['database', 'database'],
        ['engine', 'engine'],
        ['schema version', 'schema_version'],
        ['pending', 'depth', (value) => `${value as number} (${status.inbox.retry} waiting to retry)`],
        [
          'lag',
          'lag_seconds',
          (value) => (status.depth === 0 ? 'none' : `oldest pending ${formatAge(value as number)} old`),
        ],
        ['processed', 'inbox.processed'],
        [
          'dead letters',
          'inbox.dead',
          (value) =>
            `${value as number}${(value as number) > 0 ? " ('terra store retry' replays them)" : ''}`,
        ],
      ]);
      printer.out(`\n${printer.colors.bold('Failures by type and user')}\n`);
      const failures = printer.records({ columns: FAILURE_COLUMNS, emptyMessage: 'No failures.' });
      for (const failure of status.failures) failures.write(failure);
      failures.end();
      printer.out(`\n${printer.colors.bold('Users')}\n`);
      const users = printer.records({ columns: USER_COLUMNS, emptyMessage: 'No users yet.' });
      for (const user of status.users) users.write(user);
      users.end();
    }),
  );
}
