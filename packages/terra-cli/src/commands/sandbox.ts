import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { type App, action } from '../app.js';
import { CliError } from '../cli-error.js';
import { CREDENTIAL_VARIABLES } from '../config/credentials.js';
import { untilInterrupted } from '../interrupt.js';
import { parsePort } from './webhooks-listen.js';

interface SandboxCommandOptions {
  port: number;
  host: string;
  seed?: number;
  webhookUrl?: string;
  dataFile?: string;
}

function parseSeed(value: string): number {
  const seed = Number(value);
  if (!Number.isInteger(seed)) throw new InvalidArgumentError('expected an integer seed, e.g. 42');
  return seed;
}

/**
 * `terra sandbox`: starts terra-sandbox in the foreground and prints where it is and how to use it.
 * The credentials printed are the sandbox's own fixed ones, never the user's real Terra credentials.
 */
export function registerSandbox(parent: Command, app: App): void {
  parent
    .command('sandbox')
    .description('start a local Terra (terra-sandbox) and print its URLs and credentials; Ctrl-C stops it')
    .option('--port <port>', 'port (0: any free port)', parsePort, 4610)
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--seed <n>', 'seed of the generated data (same seed, same data)', parseSeed)
    .option(
      '--webhook-url <url>',
      'deliver data and events to this URL (e.g. the one `terra webhooks listen` prints)',
    )
    .option('--data-file <path>', 'keep users and deliveries in this JSON file across restarts')
    .action(
      action<SandboxCommandOptions>(app, async (context, options) => {
        const interrupt = untilInterrupted();
        const { startSandbox } = await import('terra-sandbox');
        const sandbox = await startSandbox({
          port: options.port,
          host: options.host,
          seed: options.seed,
          webhookUrl: options.webhookUrl,
          dataFile: options.dataFile,
        }).catch((error: unknown) => {
          interrupt.dispose();
          const code = (error as NodeJS.ErrnoException).code;
          throw new CliError(
            `cannot start the sandbox: ${code ?? (error instanceof Error ? error.message : error)}`,
            {
              hint:
                code === 'EADDRINUSE'
                  ? 'the port is taken: pick another with --port (0 for any free port)'
                  : undefined,
            },
          );
        });
        context.defer(() => sandbox.close());
        const info = {
          url: sandbox.url,
          base_url: sandbox.baseUrl,
          dashboard_url: `${sandbox.url}/dashboard`,
          control_url: `${sandbox.url}/sandbox/api`,
          api_key: sandbox.apiKey,
          dev_id: sandbox.devId,
          secret: sandbox.secret,
          webhook_url: sandbox.webhookUrl ?? null,
          users: sandbox.users(),
        };
        const printer = context.printer;
        if (printer.format === 'table') {
          const users = info.users.map(
            (user) => `${user.user_id} ${user.provider} (${user.reference_id ?? '-'})`,
          );
          printer.object(
            { ...info, webhook_url: info.webhook_url ?? '(none: start with --webhook-url <url>)' },
            [
              ['API base URL', 'base_url'],
              ['dashboard', 'dashboard_url'],
              ['control API', 'control_url'],
              ['webhook URL', 'webhook_url'],
            ],
          );
          printer.out(`\nConnected demo users:\n${users.map((line) => `  ${line}\n`).join('')}`);
          printer.out('\nUse it from another terminal:\n');
          printer.out(`  export ${CREDENTIAL_VARIABLES.baseUrl}=${info.base_url}\n`);
          printer.out(`  export ${CREDENTIAL_VARIABLES.apiKey}=${info.api_key}\n`);
          printer.out(`  export ${CREDENTIAL_VARIABLES.devId}=${info.dev_id}\n`);
          printer.out(`  export ${CREDENTIAL_VARIABLES.secret}=${info.secret}\n`);
        } else {
          printer.object(
            { ...info, webhook_url: info.webhook_url ?? '(none: start with --webhook-url <url>)' },
            [],
          );
        }
        printer.note('Sandbox running. Ctrl-C to stop.');
        try {
          await interrupt.done;
        } finally {
          interrupt.dispose();
        }
      }),
    );
}
