import type { Command } from 'commander';
import type { BackfillProgress, BackfillType } from 'terra-store';
import { DATA_TYPES } from 'terra-ts';
import { type App, action } from '../app.js';
import { CliError, UsageError } from '../cli-error.js';
import { dateSeconds, parseCliDate } from '../data/cli-date.js';
import { untilInterrupted } from '../interrupt.js';
import { ProgressBar } from '../output/progress.js';
import { openCliStore } from '../store/open-cli-store.js';
import { addDatabaseOption, type StoreOptions } from './store-options.js';

interface StoreBackfillOptions extends StoreOptions {
  user: string;
  from: string;
  to?: string;
  types?: string;
}

const BACKFILL_TYPES: readonly BackfillType[] = [...DATA_TYPES, 'athlete'];

function day(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}

function parseTypes(value: string | undefined): readonly BackfillType[] | undefined {
  if (value === undefined) return undefined;
  const types = value
    .split(',')
    .map((type) => type.trim())
    .filter(Boolean);
  const unknown = types.filter((type) => !(BACKFILL_TYPES as readonly string[]).includes(type));
  if (unknown.length > 0 || types.length === 0) {
    throw new UsageError(
      `--types: unknown type "${unknown[0] ?? value}"`,
      `use a comma-separated list of: ${BACKFILL_TYPES.join(', ')}`,
    );
  }
  return types as BackfillType[];
}

/**
 * `terra store backfill --user <id> --from <date>`: fetches a user's history through the API into the store,
 * window by window; every stored window is recorded in the database, so a second run continues where one stopped.
 */
export function registerStoreBackfill(parent: Command, app: App): void {
  addDatabaseOption(
    parent
      .command('backfill')
      .description(
        "fetch a user's history into the store; resumable: a second run continues where one stopped",
      )
      .requiredOption('--user <id>', "Terra's user id")
      .requiredOption('--from <date>', 'first day: YYYY-MM-DD, unix seconds, today, yesterday or 365d')
      .option('--to <date>', 'end day, exclusive (default: tomorrow, so the range includes today)')
      .option('--types <list>', `comma-separated (default: ${BACKFILL_TYPES.join(',')})`),
  ).action(
    action<StoreBackfillOptions>(app, async (context, options) => {
      const from = dateSeconds(parseCliDate(options.from, '--from'));
      const to = dateSeconds(parseCliDate(options.to ?? 'tomorrow', '--to'));
      if (to <= from) {
        throw new UsageError(
          `--to (${options.to ?? 'tomorrow'}) is not after --from (${options.from})`,
          'pass a later --to',
        );
      }
      const types = parseTypes(options.types);
      const terra = await context.client();
      const { store } = await openCliStore(context, app.redactor, options.database, {
        processing: 'workers',
        terra,
      });
      const printer = context.printer;
      const interrupt = untilInterrupted();
      const stop = new AbortController();
      void interrupt.done.then(() => stop.abort());
      let bar: ProgressBar | undefined;
      let last: BackfillProgress | undefined;
      let result: BackfillProgress;
      try {
        result = await store.backfill({
          userId: options.user,
          from: day(from),
          to: day(to),
          types,
          signal: stop.signal,
          onProgress: (progress) => {
            last = progress;
            bar ??= new ProgressBar(printer.statusStream, 'backfill', progress.total);
            bar.update(progress.done, `${progress.records} records`);
          },
        });
      } catch (error) {
        bar?.finish();
        const where = last ? ` (${last.done}/${last.total} windows stored)` : '';
        if (stop.signal.aborted) {
          throw new CliError(`backfill interrupted${where}`, {
            hint: 'run the same command again: it continues where this one stopped',
          });
        }
        if (error instanceof AggregateError && error.errors.length > 0) {
          printer.note(
            `Backfill incomplete${where}: ${error.errors.length} window${error.errors.length === 1 ? '' : 's'} failed. ` +
              'Run the same command again: stored windows are skipped, failed ones retried.',
          );
          throw error.errors[0];
        }
        throw error;
      } finally {
        interrupt.dispose();
      }
      bar?.finish();
      printer.object({ user_id: options.user, from: day(from), to: day(to), ...result }, [
        ['user', 'user_id'],
        ['range', 'from', () => `${day(from)} to ${day(to)} (end exclusive)`],
        ['windows', 'done', () => `${result.done} of ${result.total} stored`],
        ['resumed', 'resumed', (value) => `${value as number} windows stored by an earlier run, skipped`],
        ['records', 'records'],
        ['new records', 'inserted'],
      ]);
      printer.note(
        result.resumed > 0
          ? `Backfill complete: resumed, ${result.resumed} of ${result.total} windows were already stored by an earlier run.`
          : "Backfill complete. A second run skips what is stored (it resumes after an interruption); 'terra store query' reads it.",
      );
    }),
  );
}
