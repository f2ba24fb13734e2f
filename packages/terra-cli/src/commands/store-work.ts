import type { Command } from 'commander';
import { type App, action } from '../app.js';
import { untilInterrupted } from '../interrupt.js';
import { openCliStore } from '../store/open-cli-store.js';
import { addDatabaseOption, type StoreOptions } from './store-options.js';
import { wholeNumber } from './store-serve.js';

interface StoreWorkOptions extends StoreOptions {
  concurrency: number;
  leaseSeconds: number;
  pollMs: number;
  maxAttempts?: number;
}

/**
 * `terra store work`: a worker process for `terra store serve --workers 0` receivers. Claims inbox rows under a
 * lease, processes them, sleeps until an insert is notified (a server) or the next poll. SIGINT/SIGTERM: the
 * rows in hand are finished, the other claimed rows are given back, exit 0.
 */
export function registerStoreWork(parent: Command, app: App): void {
  addDatabaseOption(
    parent
      .command('work')
      .description('process received deliveries (run any number beside receivers on one PostgreSQL server)')
      .option('--concurrency <n>', 'processing loops in this process', wholeNumber(1, 64), 1)
      .option(
        '--lease-seconds <s>',
        'how long a claimed row stays with this worker before another may take it',
        wholeNumber(1, 3600),
        60,
      )
      .option(
        '--poll-ms <ms>',
        'how often to look for due rows when no insert was notified',
        wholeNumber(10, 600_000),
        500,
      )
      .option(
        '--max-attempts <n>',
        'attempts before a delivery becomes a dead letter (default 8)',
        wholeNumber(1, 100),
      ),
  )
    .addHelpText(
      'after',
      '\nOn a PostgreSQL server, idle loops wake as soon as a receiver stores a delivery (LISTEN/NOTIFY); the\n' +
        'embedded database belongs to one process, so there `terra store serve --workers n` processes instead.',
    )
    .action(
      action<StoreWorkOptions>(app, async (context, options) => {
        const leaseMs = options.leaseSeconds * 1000;
        const { store, database } = await openCliStore(context, app.redactor, options.database, {
          processing: 'workers',
          leaseMs,
          maxAttempts: options.maxAttempts,
          idleInTransactionTimeoutMs: leaseMs,
        });
        const printer = context.printer;
        const interrupt = untilInterrupted();
        const stop = new AbortController();
        let lastError = '';
        const loops = Array.from({ length: options.concurrency }, () =>
          store.work({
            signal: stop.signal,
            pollMs: options.pollMs,
            onError: (error) => {
              const text = `worker: ${(error as Error).message ?? String(error)} (retrying)`;
              if (text !== lastError) printer.note(text);
              lastError = text;
            },
          }),
        );
        printer.note(
          `terra store work: processing the inbox of ${database.display} (${store.db.engine}) with ${options.concurrency} loop(s) as ${store.workerId}. Ctrl-C to stop.`,
        );
        let signal: NodeJS.Signals;
        try {
          signal = await interrupt.done;
        } finally {
          interrupt.dispose();
        }
        printer.note(`${signal}: stopping (finishing the rows in hand, giving back the rest)...`);
        stop.abort();
        const tallies = await Promise.all(loops);
        const sum = (pick: (t: (typeof tallies)[number]) => number) =>
          tallies.reduce((n, t) => n + pick(t), 0);
        printer.note(
          `Stopped: ${sum((t) => t.processed)} processed, ${sum((t) => t.retried)} to retry, ${sum((t) => t.dead)} dead letters by this run.`,
        );
      }),
    );
}
