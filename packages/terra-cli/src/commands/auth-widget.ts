import type { Command } from 'commander';
import { type App, action } from '../app.js';
import { type AuthOptions, addAuthOptions, authRequestFields } from './auth-options.js';

/** `terra auth widget [providers...]`: a hosted page where the user picks a wearable. */
export function registerAuthWidget(parent: Command, app: App): void {
  addAuthOptions(
    parent
      .command('widget')
      .description('create a widget session: a page where the user picks a wearable to connect')
      .argument('[providers...]', 'only offer these providers (default: those enabled in your dashboard)'),
  ).action(
    action<AuthOptions>(app, async (context, options, providers) => {
      const terra = await context.client();
      const response = await terra.generateWidgetSession({
        providers: providers
          .flatMap((name) => name.split(','))
          .map((name) => name.trim().toUpperCase())
          .filter((name) => name !== ''),
        ...authRequestFields(options),
      });
      context.printer.object(response.getJson(), [
        ['url', 'url'],
        ['session id', 'session_id'],
        ['expires in (s)', 'expires_in'],
        ['status', 'status'],
      ]);
    }),
  );
}
