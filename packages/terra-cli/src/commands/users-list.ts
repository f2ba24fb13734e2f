import type { Command } from 'commander';
import { type App, action } from '../app.js';
import { localWallClock } from '../data/local-time.js';
import type { Column } from '../output/record-writer.js';

/**
 * The table columns of a TerraUser, labelled with Terra's names; the table shows the two times in the local wall
 * clock of the person running the command (CSV and JSON keep Terra's ISO instants).
 */
export const USER_COLUMNS: readonly Column[] = [
  'user_id',
  'provider',
  'reference_id',
  'active',
  ['created_at', 'created_at', localWallClock],
  ['last_webhook_update', 'last_webhook_update', localWallClock],
];

/** `terra users list`: every connected user, all pages, streamed. */
export function registerUsersList(parent: Command, app: App): void {
  parent
    .command('list')
    .description('list every connected user (all pages of /subscriptions)')
    .action(
      action(app, async (context) => {
        const terra = await context.client();
        const writer = context.printer.records({
          columns: USER_COLUMNS,
          emptyMessage: 'No connected users.',
        });
        try {
          for await (const user of terra.iterateUsers()) writer.write(user.json);
        } catch (error) {
          // Whatever arrived before a failure is still printed (and the JSON array closed).
          writer.end({ failed: true });
          throw error;
        }
        writer.end();
      }),
    );
}
