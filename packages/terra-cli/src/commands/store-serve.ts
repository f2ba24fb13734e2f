import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { TerraWebhooks } from 'terra-ts';
import { type App, action } from '../app.js';
import { CliError } from '../cli-error.js';
import { requireCredential } from '../config/credentials.js';
import { untilInterrupted } from '../interrupt.js';
import { openCliStore } from '../store/open-cli-store.js';
import { addDatabaseOption, type StoreOptions } from './store-options.js';
import { parsePort } from './webhooks-listen.js';

interface StoreServeOptions extends StoreOptions {
  port: number;
  host: string;
  path: string;
  workers: number;
  maxAttempts?: number;
  maxInboxDepth?: number;
  /** False with --no-progress. */
  progress?: boolean;
}

/** A commander parser for a whole number from `min` to `max`. */
export function wholeNumber(min: number, max: number) {
  return (value: string): number => {
    const number = Number(value);
    if (!Number.isInteger(number) || number < min || number > max) {
      throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}`);
    }
    return number;
  };
}

function parsePath(value: string): string {
  if (!value.startsWith('/'))
    throw new InvalidArgumentError('expected a path starting with /, e.g. /webhooks/terra');
  return value;
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new CliError(`cannot listen on ${host}:${port}: ${error.code ?? error.message}`, {
          hint:
            error.code === 'EADDRINUSE'
              ? 'the port is taken: pick another with --port (0 for any free port)'
              : undefined,
        }),
      ),
    );
    server.listen(port, host, () => resolve(server.address() as AddressInfo));
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}

/**
 * `terra store serve`: the store's webhook endpoint (verify, commit to the inbox, then 200) plus `--workers`
 * processing loops in this process. SIGINT/SIGTERM: stop accepting, let each loop finish the row in hand, close
 * the database.
 */
export function registerStoreServe(parent: Command, app: App): void {
  addDatabaseOption(
    parent
      .command('serve')
      .description('receive Terra webhooks into the store and process them (Ctrl-C stops cleanly)')
      .option('--port <port>', 'port to listen on (0: any free port)', parsePort, 4630)
      .option('--host <host>', 'interface to listen on (loopback by default)', '127.0.0.1')
      .option('--path <path>', 'the webhook path', parsePath, '/webhooks/terra')
      .option(
        '--workers <n>',
        "processing loops in this process (0: only receive, and run 'terra store work' elsewhere)",
        wholeNumber(0, 64),
        1,
      )
      .option(
        '--max-attempts <n>',
        'attempts before a delivery becomes a dead letter (default 8)',
        wholeNumber(1, 100),
      )
      .option(
        '--max-inbox-depth <n>',
        'answer 503 with Retry-After while this many deliveries or more wait to be processed',
        wholeNumber(1, 1_000_000_000),
      ),
  )
    .addHelpText(
      'after',
      '\nThe signing secret: --secret, else TERRA_WEBHOOK_SECRET, else .env. With --sandbox, a sandbox is\n' +
        'started whose webhook URL is this endpoint.',
    )
    .action(
      action<StoreServeOptions>(app, async (context, options) => {
        const secret = requireCredential(await context.apiCredentials(), 'secret');
        const webhooks = new TerraWebhooks({ secret });
        const { store, database, lib } = await openCliStore(context, app.redactor, options.database, {
          processing: 'workers',
          maxAttempts: options.maxAttempts,
        });
        const printer = context.printer;
        const handler = lib.createStoreNodeWebhookHandler(store, webhooks, {
          onError: (error) => printer.note(`delivery refused: ${(error as Error).message}`),
          maxInboxDepth: options.maxInboxDepth,
        });
        const server = createServer((req, res) => {
          if ((req.url ?? '/').split('?')[0] !== options.path) {
            res.statusCode = 404;
            res.setHeader('content-type', 'application/json');
            res.end(JSON.stringify({ error: 'not_found', message: `Terra webhooks go to ${options.path}` }));
            return;
          }
          void handler(req, res);
        });
        const interrupt = untilInterrupted();
        const address = await listen(server, options.port, options.host);
        const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
        const url = `http://${host}:${address.port}${options.path}`;

        const stopWork = new AbortController();
        const loops = Array.from({ length: options.workers }, () =>
          store.work({
            signal: stopWork.signal,
            pollMs: 250,
            onError: (error) => printer.note(`worker: ${(error as Error).message} (retrying)`),
          }),
        );
        printer.note(
          `terra store: receiving Terra webhooks at ${url}\n` +
            `  database  ${database.display} (${store.db.engine}, schema v${store.migration?.to ?? '?'})\n` +
            `  workers   ${options.workers} in this process${options.workers === 0 ? ' (receive only)' : ''}\n` +
            `  Point Terra's webhook URL (dashboard > Connections > Destinations) at this URL. Ctrl-C to stop.`,
        );
        if (context.options.sandbox === true) {
          const sandbox = await context.sandbox();
          sandbox.setWebhookUrl(url);
          printer.note(`Sandbox ${sandbox.baseUrl} delivers here.`);
        }
        // The inbox counts, printed when they change: what was received, processed and dead-lettered.
        let shown = '';
        let counting = false;
        const progress = setInterval(() => {
          if (counting) return;
          counting = true;
          store
            .deliveryCounts()
            .then((c) => {
              const line = `inbox: ${c.pending + c.retry} pending, ${c.processed} processed, ${c.dead} dead`;
              if (line !== shown) printer.note(line);
              shown = line;
            })
            .catch(() => undefined)
            .finally(() => {
              counting = false;
            });
        }, 1000);
        if (options.progress === false) clearInterval(progress);
        let signal: NodeJS.Signals;
        try {
          signal = await interrupt.done;
        } finally {
          interrupt.dispose();
          clearInterval(progress);
        }
        printer.note(`${signal}: stopping (finishing the rows in hand)...`);
        await closeServer(server);
        stopWork.abort();
        const tallies = await Promise.all(loops);
        const processed = tallies.reduce((sum, t) => sum + t.processed, 0);
        const counts = await store.deliveryCounts();
        printer.note(
          `Stopped: ${processed} processed by this run; ${counts.pending + counts.retry} left pending, ` +
            `${counts.dead} dead letters.`,
        );
      }),
    );
}
