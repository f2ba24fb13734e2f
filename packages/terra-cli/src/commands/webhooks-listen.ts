import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { TerraWebhooks, WebhookVerificationError } from 'terra-ts';
import { type App, action } from '../app.js';
import { CliError } from '../cli-error.js';
import { requireCredential } from '../config/credentials.js';
import { parseHttpUrl } from '../input/http-url.js';
import { untilInterrupted } from '../interrupt.js';
import type { RawDelivery, ReceivedDelivery } from '../webhooks/delivery.js';
import { eventLine, summariseEvent } from '../webhooks/describe-event.js';
import { forwardDelivery } from '../webhooks/forward.js';
import { type DeliveryVerdict, type Receiver, startReceiver } from '../webhooks/receiver.js';
import { parseTolerance } from './webhooks-verify.js';

interface WebhooksListenOptions {
  port: number;
  host: string;
  forward?: string;
  count?: number;
  tolerance?: number;
}

/** Parses a TCP port (0 picks a free one). */
export function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new InvalidArgumentError('expected a port from 0 to 65535');
  return port;
}

function parseCount(value: string): number {
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1)
    throw new InvalidArgumentError('expected a whole number of events, at least 1');
  return count;
}

const LISTEN_COLUMNS = [
  'received_at',
  'verified',
  'reason',
  'type',
  'user_id',
  'reference',
  'forward_status',
];

/** A rejected delivery answers 400 when the header is unusable, 401 when the signature or timestamp is wrong. */
function rejection(error: WebhookVerificationError): DeliveryVerdict {
  const badRequest = ['missing_header', 'malformed_header', 'no_signature', 'malformed_payload'].includes(
    error.reason,
  );
  return { status: badRequest ? 400 : 401, body: { error: error.reason } };
}

async function listen(
  port: number,
  host: string,
  handle: (delivery: RawDelivery) => Promise<DeliveryVerdict>,
) {
  try {
    return await startReceiver({ host, port, handle });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(`cannot listen on ${host}:${port}: ${code ?? String(error)}`, {
      hint:
        code === 'EADDRINUSE'
          ? 'the port is taken: pick another with --port (0 for any free port)'
          : undefined,
    });
  }
}

/** `terra webhooks listen`: a local receiver that verifies, prints and optionally forwards each delivery. */
export function registerWebhooksListen(parent: Command, app: App): void {
  parent
    .command('listen')
    .description(
      'receive webhooks locally: verify each delivery, print it as it arrives, optionally forward it',
    )
    .option('--port <port>', 'port to listen on (0: any free port)', parsePort, 4620)
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--forward <url>', 'after verifying, re-send each delivery unchanged to this URL', parseHttpUrl)
    .option('--count <n>', 'stop after this many verified events', parseCount)
    .option('--tolerance <seconds>', 'accepted age of a signature (default 300)', parseTolerance)
    .addHelpText('after', '\nWith --sandbox, a sandbox is started whose webhook URL is this listener.')
    .action(
      action<WebhooksListenOptions>(app, async (context, options) => {
        const secret = requireCredential(await context.apiCredentials(), 'secret');
        const webhooks = new TerraWebhooks({ secret, toleranceSeconds: options.tolerance });
        const printer = context.printer;
        const writer = printer.records({ columns: LISTEN_COLUMNS });
        const interrupt = untilInterrupted();
        let verified = 0;
        let stop: () => void = () => {};
        const enough = new Promise<void>((resolve) => {
          stop = resolve;
        });

        const report = (delivery: ReceivedDelivery) => {
          if (printer.format === 'table') printer.out(`${eventLine(delivery, printer.colors)}\n`);
          else writer.write(delivery);
        };

        const handle = async (raw: RawDelivery): Promise<DeliveryVerdict> => {
          const base: ReceivedDelivery = {
            received_at: new Date().toISOString(),
            verified: false,
            reason: null,
            type: null,
            user_id: null,
            provider: null,
            reference: raw.headers['terra-reference'] ?? null,
            trace_id: raw.headers['x-terra-trace-id'] ?? null,
            records: null,
            forward_status: null,
            forward_error: null,
            payload: null,
          };
          const header = raw.headers['terra-signature'] ?? raw.headers['x-terra-signature'];
          let payload: unknown;
          try {
            payload = (await webhooks.handleWebhook(raw.body, header)).getJson();
          } catch (error) {
            if (!(error instanceof WebhookVerificationError)) throw error;
            report({ ...base, reason: error.reason });
            return rejection(error);
          }
          const delivery: ReceivedDelivery = { ...base, verified: true, ...summariseEvent(payload), payload };
          // Answer Terra first (it wants a fast 2xx), then forward and print.
          setImmediate(async () => {
            if (options.forward !== undefined) {
              const result = await forwardDelivery(context.fetch, options.forward, raw);
              delivery.forward_status = result.status;
              delivery.forward_error = result.error;
            }
            report(delivery);
            verified += 1;
            if (options.count !== undefined && verified >= options.count) stop();
          });
          return { status: 200, body: { status: 'received' } };
        };

        const receiver: Receiver = await listen(options.port, options.host, handle);
        context.defer(() => receiver.close());
        const forwarding = options.forward === undefined ? '' : `, forwarding to ${options.forward}`;
        printer.note(`Listening for Terra webhooks on ${receiver.url}${forwarding}. Ctrl-C to stop.`);
        if (context.options.sandbox === true) {
          // With --sandbox the listener is the sandbox's webhook destination: a complete local loop in one command.
          const sandbox = await context.sandbox();
          sandbox.setWebhookUrl(receiver.url);
          printer.note(
            `Sandbox ${sandbox.baseUrl} delivers here; use it with --base-url ${sandbox.baseUrl} ` +
              `--api-key ${sandbox.apiKey} --dev-id ${sandbox.devId}`,
          );
        }
        try {
          await Promise.race([interrupt.done, enough]);
        } finally {
          interrupt.dispose();
          if (printer.format !== 'table') writer.end();
        }
      }),
    );
}
