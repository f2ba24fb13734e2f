import { Command } from 'commander';
import type { App } from './app.js';
import { registerAuthUrl } from './commands/auth-url.js';
import { registerAuthWidget } from './commands/auth-widget.js';
import { registerData } from './commands/data.js';
import { registerProviders } from './commands/providers.js';
import { registerSandbox } from './commands/sandbox.js';
import { registerStore } from './commands/store.js';
import { registerUsersDeauth } from './commands/users-deauth.js';
import { registerUsersInfo } from './commands/users-info.js';
import { registerUsersList } from './commands/users-list.js';
import { registerWebhooksListen } from './commands/webhooks-listen.js';
import { registerWebhooksSend } from './commands/webhooks-send.js';
import { registerWebhooksSign } from './commands/webhooks-sign.js';
import { registerWebhooksVerify } from './commands/webhooks-verify.js';
import { commanderReport } from './error-report.js';
import { addGlobalOptions } from './global-options.js';
import { configureHelp } from './help.js';
import { CLI_VERSION } from './version.js';

const EXIT_CODES_HELP = `
Credentials: --api-key/--dev-id/--secret, else TERRA_API_KEY, TERRA_DEV_ID, TERRA_WEBHOOK_SECRET
(and TERRA_BASE_URL), else a .env file in the current directory. --sandbox needs none,
nor does 'terra providers' (a public endpoint: without both, no credential is sent).
A TERRA_BASE_URL from .env is used only with credentials from that same .env; plain http://
to a host other than loopback needs --allow-insecure-http.

Exit codes:
  0  ok                       4  rate limited (429)
  1  usage error              5  network or server error
  2  authentication (401/403) 6  webhook verification failed
  3  not found (404)

Examples:
  terra sandbox                                    a local Terra; prints its URL and credentials
  terra providers --sandbox                        any command against a throwaway in-process sandbox
  terra users list --ndjson | jq .user_id
  terra users info <user-id> --json
  terra users deauth <user-id> --yes
  terra auth url GARMIN --reference-id user-42
  terra auth widget GARMIN OURA
  terra data sleep --user <id> --from 30d --chart
  terra data activity --user <id> --from 2024-01-01 --to 2024-07-01 --csv > activity.csv
  terra webhooks verify --secret <secret> --header 't=...,v1=...' < payload.json
  terra webhooks sign --secret <secret> < payload.json
  terra webhooks listen --port 4620 --secret <secret> --forward http://localhost:3000/hooks
  terra webhooks send sleep --to http://localhost:3000/hooks --secret <secret>
  terra store serve --secret <secret>                keep every delivery in ./.terra-store (PGlite)
  terra store query sleep --user <id> --from 30d --database postgres://user:pw@db:5432/terra

Run 'terra <command> --help' (or 'terra help <command>') for the options of a command; the options
above work with every command ('terra help globals' lists them again).`;

/**
 * Builds the `terra` command tree. Settings (output routing, exit override) are applied to the root before the
 * subcommands are created, so every subcommand inherits them.
 */
export function createProgram(app: App): Command {
  const program = new Command('terra')
    .description(
      "Terra's health and wearables API from a terminal: users, data, webhooks and a local sandbox.",
    )
    .version(CLI_VERSION, '-v, --version')
    .exitOverride()
    .showSuggestionAfterError()
    .configureOutput({
      writeOut: (text) => app.io.stdout.write(app.redactor.redact(text)),
      writeErr: (text) => app.io.stderr.write(app.redactor.redact(text)),
      outputError: (text, write) => {
        const report = commanderReport(text);
        write(`error: ${report.message} (hint: ${report.hint})\n`);
      },
    })
    .addHelpText('after', EXIT_CODES_HELP);
  addGlobalOptions(program);

  registerProviders(program, app);

  const users = program.command('users').description('connected users');
  registerUsersList(users, app);
  registerUsersInfo(users, app);
  registerUsersDeauth(users, app);

  const auth = program.command('auth').description('connect a user to a wearable');
  registerAuthUrl(auth, app);
  registerAuthWidget(auth, app);

  registerData(program, app);

  const webhooks = program.command('webhooks').description('verify, sign, receive and send Terra webhooks');
  registerWebhooksVerify(webhooks, app);
  registerWebhooksSign(webhooks, app);
  registerWebhooksListen(webhooks, app);
  registerWebhooksSend(webhooks, app);

  registerSandbox(program, app);
  registerStore(program, app);
  // Room for later command groups (e.g. `terra store`) goes above this line: help is configured over the whole tree.
  configureHelp(program);
  return program;
}
