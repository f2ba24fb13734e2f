import type { Command } from 'commander';
import { type App, action } from '../app.js';

interface ProvidersOptions {
  detailed?: boolean;
  sdk?: boolean;
}

const DETAILED_COLUMNS = [
  'provider',
  'name',
  'enabled',
  'types.activity',
  'types.sleep',
  'types.daily',
  'types.body',
  'types.nutrition',
  'types.menstruation',
];

/** `terra providers [--detailed] [--sdk]`: the wearables Terra connects to. */
export function registerProviders(parent: Command, app: App): void {
  parent
    .command('providers')
    .description('list the wearables (providers) Terra connects to (needs no credentials)')
    .option('--detailed', 'names, enabled state and data types of each provider')
    .option('--sdk', 'with --detailed: include providers that connect only through the mobile SDK')
    .action(
      action<ProvidersOptions>(app, async (context, options) => {
        // Public endpoints: credentials are sent when set, and not needed when they are not.
        const terra = await context.publicClient();
        if (options.detailed) {
          const response = await terra.listProvidersDetailed({ sdk: options.sdk === true });
          const writer = context.printer.records({ columns: DETAILED_COLUMNS });
          for (const provider of response.getJson().providers ?? []) writer.write(provider);
          writer.end();
          return;
        }
        const json = (await terra.listProviders()).getJson();
        // The plain list is two arrays of names; as records, each name says whether it is SDK-only.
        const writer = context.printer.records({ columns: ['provider', 'sdk'] });
        for (const provider of json.providers ?? []) writer.write({ provider, sdk: false });
        for (const provider of json.sdk_providers ?? []) writer.write({ provider, sdk: true });
        writer.end();
      }),
    );
}
