import type { Command } from 'commander';
import { type App, action } from '../app.js';
import { UsageError } from '../cli-error.js';
import { localWallClock } from '../data/local-time.js';
import type { SummaryEntry } from '../output/printer.js';
import { USER_COLUMNS } from './users-list.js';

interface UsersInfoOptions {
  referenceId?: string;
}

const INFO_SUMMARY: readonly SummaryEntry[] = [
  ['user id', 'user.user_id'],
  ['provider', 'user.provider'],
  ['reference id', 'user.reference_id'],
  ['active', 'user.active'],
  ['authenticated', 'is_authenticated'],
  ['created', 'user.created_at', localWallClock],
  ['last webhook', 'user.last_webhook_update', localWallClock],
  ['last polled', 'last_polled_at', localWallClock],
  ['most recent data', 'most_recent_data_at', localWallClock],
  ['scopes', 'user.scopes'],
];

/** `terra users info <user-id>` or `terra users info --reference-id <id>`. */
export function registerUsersInfo(parent: Command, app: App): void {
  parent
    .command('info')
    .description('show one user by Terra user id, or every user with your reference id')
    .argument('[user-id]', "Terra's user id")
    .option(
      '--reference-id <id>',
      'your own id for the user, as given when they connected (may match several)',
    )
    .action(
      action<UsersInfoOptions>(app, async (context, options, [userId]) => {
        if ((userId === undefined) === (options.referenceId === undefined)) {
          throw new UsageError(
            'give either a user id or --reference-id',
            'terra users info <user-id>  or  terra users info --reference-id <your-id>',
          );
        }
        const terra = await context.client();
        if (userId !== undefined) {
          const response = await terra.getUserInfo({ userId });
          context.printer.object(response.getJson(), INFO_SUMMARY);
          return;
        }
        const response = await terra.getUserInfo({ referenceId: options.referenceId as string });
        const writer = context.printer.records({
          columns: USER_COLUMNS,
          emptyMessage: `No users with reference id ${options.referenceId}.`,
        });
        const users: unknown = response.getJson();
        for (const user of Array.isArray(users) ? users : []) writer.write(user);
        writer.end();
      }),
    );
}
