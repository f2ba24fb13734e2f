import { randomUUID } from 'node:crypto';
import type { Command } from 'commander';
import { generateTestSignatureHeader } from 'terra-ts/testing';
import { type App, action } from '../app.js';
import { CliError } from '../cli-error.js';
import { requireCredential } from '../config/credentials.js';
import { ExitCode } from '../exit-codes.js';
import { isDryRunStop } from '../http/dry-run.js';
import { parseHttpUrl } from '../input/http-url.js';
import { examplePayload } from '../webhooks/example-payload.js';

interface WebhooksSendOptions {
  to: string;
  user?: string;
}

/** `terra webhooks send <event-type> --to <url>`: posts a realistic, correctly signed example event. */
export function registerWebhooksSend(parent: Command, app: App): void {
  parent
    .command('send')
    .description('send a realistic example event, signed like Terra signs it, to your webhook endpoint')
    .argument('<event-type>', 'e.g. sleep, activity, auth, deauth, user_reauth')
    .requiredOption('--to <url>', 'your webhook endpoint', parseHttpUrl)
    .option('--user <id>', 'make the event about this user id')
    .action(
      action<WebhooksSendOptions>(app, async (context, options, [type]) => {
        const secret = requireCredential(await context.apiCredentials(), 'secret');
        const body = JSON.stringify(examplePayload(type as string, options.user));
        const signature = await generateTestSignatureHeader({ payload: body, secret });
        const reference = randomUUID();
        const traceId = randomUUID();
        const response = await context
          .fetch(options.to, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              'terra-signature': signature,
              'x-terra-signature': signature,
              'terra-reference': reference,
              'x-terra-trace-id': traceId,
              'x-terra-ordering-timestamp': String(Date.now()),
            },
            body,
            signal: AbortSignal.timeout((context.options.timeout ?? 30) * 1000),
          })
          .catch((error: unknown) => {
            if (isDryRunStop(error)) throw error;
            const cause =
              error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
            throw new CliError(`could not send to ${options.to}: ${cause}`, {
              exitCode: ExitCode.NetworkOrServer,
              hint: 'is the endpoint running? `terra webhooks listen` starts a local one',
              cause: error,
            });
          });
        await response.arrayBuffer();
        const result = { type, url: options.to, status: response.status, reference, trace_id: traceId };
        context.printer.object(result, [
          ['type', 'type'],
          ['sent to', 'url'],
          ['status', 'status'],
          ['reference', 'reference'],
        ]);
        if (!response.ok) {
          throw new CliError(`the endpoint answered ${response.status}`, {
            exitCode: ExitCode.NetworkOrServer,
            hint:
              response.status === 401 || response.status === 400
                ? 'it rejected the signature: does it use the same signing secret (--secret)?'
                : 'check the endpoint logs',
          });
        }
      }),
    );
}
