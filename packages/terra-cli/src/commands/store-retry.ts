import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { type App, action } from '../app.js';
import { CliError } from '../cli-error.js';
import { ExitCode } from '../exit-codes.js';
import { openCliStore } from '../store/open-cli-store.js';
import { addDatabaseOption, type StoreOptions } from './store-options.js';

interface StoreRetryOptions extends StoreOptions {
  id?: number;
}

function parseId(value: string): number {
  const id = Number(value);
  if (!Number.isInteger(id) || id < 1)
    throw new InvalidArgumentError('expected a delivery id (a whole number)');
  return id;
}

/** Dead letters replayed at most per run without --id (the store lists inbox rows a page at a time). */
const MAX_REPLAYED = 10_000;

/** `terra store retry [--id n]`: replays dead letters (every one, or one) now, in this process. */
export function registerStoreRetry(parent: Command, app: App): void {
  addDatabaseOption(
    parent
      .command('retry')
      .description("replay dead letters now: every one, or one with --id ('terra store status' lists them)")
      .option('--id <id>', 'replay only this delivery', parseId),
  ).action(
    action<StoreRetryOptions>(app, async (context, options) => {
      const { store } = await openCliStore(context, app.redactor, options.database, {
        processing: 'workers',
      });
      const deadLetters = await store.deliveries({ status: 'dead', limit: MAX_REPLAYED });
      const dead = options.id === undefined ? deadLetters : deadLetters.filter((d) => d.id === options.id);
      if (options.id !== undefined && dead.length === 0) {
        throw new CliError(`delivery ${options.id} is not a dead letter`, {
          exitCode: ExitCode.NotFound,
          hint: "'terra store status' shows the failures; only dead letters are replayed",
        });
      }
      const writer = context.printer.records({
        columns: [
          ['id', 'id'],
          ['type', 'type'],
          ['user', 'user_id'],
          ['result', 'result'],
          ['error', 'error'],
        ],
        emptyMessage: 'No dead letters to replay.',
      });
      const results = new Map<number, string>();
      for (const delivery of [...dead].reverse()) results.set(delivery.id, await store.replay(delivery.id));
      // The store has no read of one delivery: its error is found among the rows still failing.
      const failing = new Map(
        [
          ...(await store.deliveries({ status: 'dead', limit: MAX_REPLAYED })),
          ...(await store.deliveries({ status: 'retry', limit: MAX_REPLAYED })),
        ].map((d) => [d.id, d.lastError]),
      );
      let failed = 0;
      for (const delivery of [...dead].reverse()) {
        const result = results.get(delivery.id) ?? 'unknown';
        if (result !== 'processed') failed += 1;
        writer.write({
          id: delivery.id,
          type: delivery.eventType,
          user_id: delivery.userId,
          result,
          error: result === 'processed' ? null : (failing.get(delivery.id) ?? null),
        });
      }
      writer.end();
      if (dead.length > 0) {
        context.printer.note(
          `Replayed ${dead.length}: ${dead.length - failed} processed, ${failed} failed again.`,
        );
      }
    }),
  );
}
