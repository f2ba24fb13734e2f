import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import {
  type DataIterateOptions,
  type DataRequestOptions,
  type DataType,
  type DateInput,
  planDataChunks,
  DATA_TYPES as SDK_DATA_TYPES,
  type Terra,
} from 'terra-ts';
import { type App, action } from '../app.js';
import { UsageError } from '../cli-error.js';
import type { CommandContext } from '../context.js';
import { chartRecords } from '../data/chart-records.js';
import { dateSeconds, parseCliDate } from '../data/cli-date.js';
import { ACK_COLUMNS, ATHLETE_SUMMARY, DATA_COLUMNS } from '../data/columns.js';
import { chartSeriesFor } from '../data/series.js';
import { isDryRunStop } from '../http/dry-run.js';
import { getPath } from '../output/fields.js';
import { ProgressBar } from '../output/progress.js';

/** The data types `terra data` fetches: terra-ts's date-range types, and the athlete profile. */
export const DATA_TYPES = [...SDK_DATA_TYPES, 'athlete'] as const;

interface DataOptions {
  user: string;
  from?: string;
  to?: string;
  samples?: boolean;
  webhook?: boolean;
  chart?: string | true;
  chunkDays?: number;
  concurrency?: number;
}

function positiveInteger(max: number) {
  return (value: string): number => {
    const number = Number(value);
    if (!Number.isInteger(number) || number < 1 || number > max) {
      throw new InvalidArgumentError(`expected a whole number from 1 to ${max}`);
    }
    return number;
  };
}

/** Records of one chunk's answer: the data array, or the acknowledgement itself when it went to the webhook. */
function recordsOf(json: unknown): unknown[] {
  const data = getPath(json, 'data');
  if (Array.isArray(data)) return data;
  return getPath(json, 'reference') !== undefined ? [json] : [];
}

async function fetchAthlete(context: CommandContext, terra: Terra, userId: string, toWebhook: boolean) {
  const response = await terra.getAthleteForUser(userId, { toWebhook });
  const json = response.getJson();
  if (toWebhook)
    context.printer.object(
      json,
      ACK_COLUMNS.map((column) => [column, column] as const),
    );
  else context.printer.object(json, ATHLETE_SUMMARY);
}

/**
 * Prints the request of every chunk under `--dry-run` (each one is intercepted before it is sent): the chunks
 * terra-ts's iterator would fetch, one call each.
 */
async function dryRunChunks(terra: Terra, userId: string, type: DataType, request: DataIterateOptions) {
  for (const chunk of planDataChunks(request)) {
    try {
      const window: DataRequestOptions = { ...request, startDate: chunk.start, endDate: chunk.end };
      await terra.getDataForUser(userId, type, { ...window, chunkDays: undefined });
    } catch (error) {
      if (!isDryRunStop(error)) throw error;
    }
  }
}

/** A parsed date as the `YYYY-MM-DD` day it falls on (UTC, as Terra reads days). */
function isoDay(input: DateInput): string {
  return new Date(dateSeconds(input) * 1000).toISOString().slice(0, 10);
}

/** Resolves `--from`/`--to` (default: tomorrow, so the range includes today) and checks their order. */
function dateRange(options: DataOptions, type: string): { startDate: DateInput; endDate: DateInput } {
  if (options.from === undefined) {
    throw new UsageError(`${type} data needs --from`, `e.g. terra data ${type} --user <id> --from 30d`);
  }
  const startDate = parseCliDate(options.from, '--from');
  const endDate = parseCliDate(options.to ?? 'tomorrow', '--to');
  if (dateSeconds(endDate) < dateSeconds(startDate)) {
    throw new UsageError(
      `--to (${options.to ?? 'tomorrow'}) is before --from (${options.from})`,
      'swap them, or pass a later --to',
    );
  }
  return { startDate, endDate };
}

/**
 * Fetches the range chunk by chunk, in order, handing each record to `sink`, with a progress bar on stderr.
 * The bar is drawn only when it cannot tear streamed output: stdout elsewhere, or a table printed at the end.
 */
async function streamRange(
  context: CommandContext,
  terra: Terra,
  target: { userId: string; type: DataType },
  request: DataRequestOptions & { chunkDays: number; endDate: DateInput },
  sink: (record: unknown) => void,
): Promise<void> {
  const span = Math.max(0, dateSeconds(request.endDate) - dateSeconds(request.startDate));
  const total = Math.max(1, Math.ceil(span / (request.chunkDays * 86_400)));
  const status = context.printer.statusStream;
  const quiet = context.printer.isTerminal && context.printer.format !== 'table';
  const progress = new ProgressBar(quiet ? { ...status, isTTY: false } : status, target.type, total);
  let done = 0;
  let count = 0;
  try {
    for await (const response of terra.iterateDataForUser(target.userId, target.type, request)) {
      for (const record of recordsOf(response.getJson())) {
        sink(record);
        count += 1;
      }
      done += 1;
      progress.update(done, `${count} record${count === 1 ? '' : 's'}`);
    }
  } finally {
    progress.finish();
  }
}

/** `terra data <type> --user <id> --from <date>`: fetch a user's data, chunked, with progress and an optional chart. */
export function registerData(parent: Command, app: App): void {
  parent
    .command('data')
    .description("fetch a user's data; long ranges are split into chunks, with a progress bar on a terminal")
    .argument('<type>', DATA_TYPES.join(' | '))
    .requiredOption('--user <id>', "Terra's user id")
    .option(
      '--from <date>',
      'start: YYYY-MM-DD, unix seconds, ISO time, today, yesterday or 30d (30 days ago)',
    )
    .option('--to <date>', 'end, sent as end_date (default: tomorrow, so the range includes today)')
    .option('--samples', 'include detailed samples (heart rate, steps, sleep stages...)')
    .option('--webhook', 'ask Terra to deliver the data to your webhook; prints the acknowledgements')
    .option(
      '--chart [series]',
      'chart instead of a table: sleep per night, heart rate per workout, steps per day; or a series: heart-rate, steps, sleep-stages',
    )
    .option('--chunk-days <n>', 'days per request (default 30, or 7 with samples)', positiveInteger(1825))
    .option('--concurrency <n>', 'requests in flight at once (default 8)', positiveInteger(16))
    .action(
      action<DataOptions>(app, async (context, options, [typeArgument]) => {
        const type = typeArgument as string;
        if (!(DATA_TYPES as readonly string[]).includes(type)) {
          throw new UsageError(`unknown data type "${type}"`, `use one of: ${DATA_TYPES.join(', ')}`);
        }
        const toWebhook = options.webhook === true;
        const series = options.chart === undefined ? undefined : chartSeriesFor(type, options.chart);
        if (series !== undefined && (context.printer.format !== 'table' || toWebhook)) {
          throw new UsageError(
            '--chart draws on the terminal',
            'drop --chart, or drop --json/--ndjson/--csv/--webhook',
          );
        }
        const terra = await context.client();
        if (type === 'athlete') {
          await fetchAthlete(context, terra, options.user, toWebhook);
          return;
        }
        // Steps per day come from each daily's total; every other chart draws samples.
        const chartNeedsSamples = series !== undefined && !(type === 'daily' && series === 'steps');
        const withSamples = options.samples === true || chartNeedsSamples;
        const chunkDays = options.chunkDays ?? (withSamples ? 7 : 30);
        const request = {
          ...dateRange(options, type),
          chunkDays,
          withSamples,
          toWebhook,
          concurrency: options.concurrency,
        };
        // Checked against DATA_TYPES above, and not the athlete.
        const target = { userId: options.user, type: type as DataType };
        if (context.dryRun) {
          await dryRunChunks(terra, target.userId, target.type, request);
          return;
        }
        if (series !== undefined) {
          const records: unknown[] = [];
          await streamRange(context, terra, target, request, (record) => records.push(record));
          const drawn = chartRecords(records, series, {
            type,
            width: context.printer.width ?? 80,
            range: { from: isoDay(request.startDate), to: isoDay(request.endDate) },
            now: Date.now(),
            redact: (text) => context.printer.redact(text),
          });
          if ('chart' in drawn) context.printer.out(drawn.chart);
          else context.printer.note(drawn.empty);
          return;
        }
        const writer = context.printer.records({
          columns: toWebhook ? ACK_COLUMNS : DATA_COLUMNS[type],
          emptyMessage: `No ${type} data in this range.`,
        });
        try {
          await streamRange(context, terra, target, request, (record) => writer.write(record));
        } catch (error) {
          writer.end({ failed: true });
          throw error;
        }
        writer.end();
      }),
    );
}
