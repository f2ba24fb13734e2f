import type { Command } from 'commander';
import { type App, action } from '../app.js';
import { UsageError } from '../cli-error.js';
import { confirm } from '../input/confirm.js';

interface UsersDeauthOptions {
  yes?: boolean;
}

/** `terra users deauth <user-id> [--yes]`: disconnects a user after confirmation. */
export function registerUsersDeauth(parent: Command, app: App): void {
  parent
    .command('deauth')
    .description("disconnect a user: Terra deletes the user's data and revokes the provider's access")
    .argument('<user-id>', "Terra's user id")
    .option('-y, --yes', 'do not ask for confirmation (for scripts)')
    .action(
      action<UsersDeauthOptions>(app, async (context, options, [userId]) => {
        const id = userId as string;
        if (options.yes !== true && !context.dryRun) {
          if (context.io.stdin.isTTY !== true) {
            throw new UsageError(
              `not deauthenticating ${id} without confirmation`,
              'pass --yes to confirm when not on a terminal',
            );
          }
          const question = `Deauthenticate user ${id}? Terra deletes its data and revokes access. [y/N] `;
          if (!(await confirm(context.io, question))) {
            throw new UsageError(`cancelled: user ${id} was not deauthenticated`);
          }
        }
        const terra = await context.client();
        const response = await terra.deauthenticateUser(id);
        context.printer.object({ user_id: id, ...(response.getJson() as object) }, [
          ['user id', 'user_id'],
          ['status', 'status'],
        ]);
      }),
    );
}
