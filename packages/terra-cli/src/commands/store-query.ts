import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import type { DateInput } from 'terra-ts';
import { type App, action } from '../app.js';
import { UsageError } from '../cli-error.js';
import { chartRecords } from '../data/chart-records.js';
import { dateSeconds, parseCliDate } from '../data/cli-date.js';
import { DATA_COLUMNS } from '../data/columns.js';
import { chartSeriesFor } from '../data/series.js';
import { getPath } from '../output/fields.js';
import { openCliStore } from '../store/open-cli-store.js';
import { addDatabaseOption, type StoreOptions } from './store-options.js';

interface StoreQueryOptions extends StoreOptions {
  user: string;
  from?: string;
  to?: string;
  chart?: string | true;
  limit?: number;
}

function parseLimit(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1)
    throw new InvalidArgumentError('expected a whole number, at least 1');
  return number;
}

/** A parsed CLI date as an instant (a `YYYY-MM-DD` day is UTC midnight, as in `terra data`). */
function instant(input: DateInput): Date {
  return new Date(dateSeconds(input) * 1000);
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The chart's range when not typed: the span of the records' start times. */
function recordSpan(records: readonly unknown[]): { from: string; to: string } {
  const times = records
    .map((record) =>
      Date.parse(String(getPath(record, 'metadata.start_time') ?? getPath(record, 'timestamp'))),
    )
    .filter((ms) => !Number.isNaN(ms));
  const now = Date.now();
  return {
    from: isoDay(times.length ? Math.min(...times) : now),
    to: isoDay(times.length ? Math.max(...times) : now),
  };
}

/** `terra store query <type> --user <id>`: a user's stored records, printed as `terra data` prints Terra's. */
export function registerStoreQuery(parent: Command, app: App): void {
  addDatabaseOption(
    parent
      .command('query')
      .description("a user's stored records of one type, as Terra sent them (table, JSON, CSV or --chart)")
      .argument('<type>', 'activity | sleep | daily | body | nutrition | menstruation | athlete | ...')
      .requiredOption('--user <id>', "Terra's user id")
      .option(
        '--from <date>',
        'records starting at or after: YYYY-MM-DD, unix seconds, ISO time, today or 30d',
      )
      .option('--to <date>', 'records starting before this (default: no end)')
      .option('--limit <n>', 'at most this many records', parseLimit)
      .option(
        '--chart [series]',
        'chart instead of a table, as terra data: sleep per night, heart rate per workout, steps per day',
      ),
  ).action(
    action<StoreQueryOptions>(app, async (context, options, [typeArgument]) => {
      const type = typeArgument as string;
      const from = options.from === undefined ? undefined : parseCliDate(options.from, '--from');
      const to = options.to === undefined ? undefined : parseCliDate(options.to, '--to');
      if (from !== undefined && to !== undefined && dateSeconds(to) < dateSeconds(from)) {
        throw new UsageError(
          `--to (${options.to}) is before --from (${options.from})`,
          'swap them, or pass a later --to',
        );
      }
      const series = options.chart === undefined ? undefined : chartSeriesFor(type, options.chart);
      if (series !== undefined && context.printer.format !== 'table') {
        throw new UsageError('--chart draws on the terminal', 'drop --chart, or drop --json/--ndjson/--csv');
      }
      const { store, lib } = await openCliStore(context, app.redactor, options.database, {
        processing: 'workers',
      });
      if (!lib.isStoredDataType(type)) {
        throw new UsageError(
          `unknown stored type "${type}"`,
          `use one of: ${lib.STORED_DATA_TYPES.join(', ')}`,
        );
      }
      const records: unknown[] = await store.records(type, options.user, {
        from: from === undefined ? undefined : instant(from),
        to: to === undefined ? undefined : instant(to),
        limit: options.limit,
      });
      if (series !== undefined) {
        const span = recordSpan(records);
        const drawn = chartRecords(records, series, {
          type,
          width: context.printer.width ?? 80,
          range: {
            from: from === undefined ? span.from : isoDay(dateSeconds(from) * 1000),
            to: to === undefined ? span.to : isoDay(dateSeconds(to) * 1000),
          },
          now: Date.now(),
          redact: (text) => context.printer.redact(text),
        });
        if ('chart' in drawn) context.printer.out(drawn.chart);
        else context.printer.note(drawn.empty);
        return;
      }
      const writer = context.printer.records({
        columns: DATA_COLUMNS[type],
        emptyMessage: `No stored ${type} records for this user${from === undefined ? '' : ' in this range'}.`,
      });
      for (const record of records) writer.write(record);
      writer.end();
    }),
  );
}
