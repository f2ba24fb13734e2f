import type { Command } from 'commander';
import { type App, action } from '../app.js';
import { type AuthOptions, addAuthOptions, authRequestFields } from './auth-options.js';

/** `terra auth url <provider>`: a link that connects one user to one wearable. */
export function registerAuthUrl(parent: Command, app: App): void {
  addAuthOptions(
    parent
      .command('url')
      .description('create a connect link for one provider (send the user to auth_url)')
      .argument('<provider>', 'provider name from `terra providers`, e.g. GARMIN'),
  ).action(
    action<AuthOptions>(app, async (context, options, [provider]) => {
      const terra = await context.client();
      const response = await terra.generateAuthenticationUrl({
        resource: (provider as string).toUpperCase(),
        ...authRequestFields(options),
      });
      context.printer.object(response.getJson(), [
        ['auth url', 'auth_url'],
        ['user id', 'user_id'],
        ['status', 'status'],
      ]);
    }),
  );
}
