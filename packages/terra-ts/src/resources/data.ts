import type { TerraApiResponse } from '../client/api-response.js';
import { booleanOr, optionalInteger, optionsObject } from '../client/arguments.js';
import type { RequestOptions } from '../client/options.js';
import { buildQuery, type QueryValue } from '../client/query.js';
import { request } from '../client/request.js';
import type { ParsedDate } from '../dates/date-input.js';
import {
  checkChunkDays,
  type DateChunk,
  MAX_DAYS_PER_REQUEST,
  parseDateRange,
  splitDateRange,
} from '../dates/date-range.js';
import { TerraInvalidArgumentError } from '../errors/terra-invalid-argument-error.js';
import { type AthleteResponse, type DataResponse, parseDataBody } from '../responses/parse-data-body.js';
import type { ClientContext } from './client-context.js';
import type { AthleteRequestOptions, DataIterateOptions, DataRequestOptions } from './data-options.js';
import { DATA_TYPES, type DataType, isDataType } from './data-types.js';
import { mapInOrder, streamInOrder } from './in-order.js';
import { mergeChunks } from './merge-chunks.js';
import { type UserRef, userIdOf } from './user-id.js';

const SECONDS_PER_DAY = 86_400;
// Terra limits requests by requested days, not by how many are in flight; 8 at once turns a year of
// 30-day chunks into two round trips instead of four.
const DEFAULT_CONCURRENCY = 8;
const DEFAULT_ITERATE_CHUNK_DAYS = 30;

/** A validated data request, ready to be sent once or in chunks. */
interface DataPlan {
  type: DataType;
  userId: string;
  start: ParsedDate;
  end: ParsedDate | undefined;
  extra: Record<string, QueryValue>;
  toWebhook: boolean;
  withSamples: boolean;
  concurrency: number;
  request: RequestOptions;
}

/**
 * `GET /{type}` for one user over a range. Ranges longer than `chunkDays` (or than Terra's 1,825-day limit)
 * are fetched as consecutive chunks with bounded concurrency and merged in order into one response.
 */
export async function getData<T>(
  ctx: ClientContext,
  user: UserRef,
  type: DataType,
  options: DataRequestOptions,
): Promise<TerraApiResponse<DataResponse<T>>> {
  const plan = planData(user, type, options, true);
  const chunkDays = options.chunkDays === undefined ? undefined : checkChunkDays(options.chunkDays);
  const end = plan.end;
  const limitDays = chunkDays ?? MAX_DAYS_PER_REQUEST;
  if (end === undefined || end.seconds - plan.start.seconds <= limitDays * SECONDS_PER_DAY) {
    return fetchChunk<T>(ctx, plan, { start: plan.start.wire, end: end?.wire }, plan.request.signal);
  }
  const chunks = splitDateRange(plan.start, end, limitDays);
  const responses = await mapInOrder(
    chunks.length,
    plan.concurrency,
    (i, signal) => fetchChunk<T>(ctx, plan, chunks[i] as DateChunk, signal),
    plan.request.signal,
  );
  return mergeChunks(responses, ctx.client);
}

/** Streams `GET /{type}` chunk by chunk, in order, prefetching up to `concurrency` chunks. */
export async function* iterateData<T>(
  ctx: ClientContext,
  user: UserRef,
  type: DataType,
  options: DataIterateOptions,
): AsyncGenerator<TerraApiResponse<DataResponse<T>>, void, undefined> {
  const plan = planData(user, type, options, false);
  const chunks = iterateChunks(plan.start, plan.end, options.chunkDays);
  yield* streamInOrder(
    chunks.length,
    plan.concurrency,
    (i, signal) => fetchChunk<T>(ctx, plan, chunks[i] as DateChunk, signal),
    plan.request.signal,
  );
}

/**
 * The date windows `terra.iterateDataForUser` (and `user.iterateSleep()`, ...) requests, in order:
 * `startDate` to `endDate` in chunks of `chunkDays` (default 30). For a dry run, a progress total, or a plan of
 * your own requests.
 *
 * @throws {@link TerraInvalidArgumentError} for a malformed date, no `endDate`, or a bad `chunkDays`.
 * @example
 * ```ts
 * planDataChunks({ startDate: '2024-01-01', endDate: '2024-03-01' });
 * // two windows of at most 30 days, as sent: [{ start: '2024-01-01', end: 1706659200 }, { start: 1706659200, end: '2024-03-01' }]
 * ```
 */
export function planDataChunks(
  options: Pick<DataIterateOptions, 'startDate' | 'endDate' | 'chunkDays'>,
): DateChunk[] {
  const o = optionsObject(options, 'options', true);
  const { start, end } = parseDateRange(o.startDate, o.endDate);
  return iterateChunks(start, end, o.chunkDays);
}

function iterateChunks(
  start: ParsedDate,
  end: ParsedDate | undefined,
  chunkDays: number | undefined,
): DateChunk[] {
  if (end === undefined) {
    throw new TerraInvalidArgumentError(
      'endDate',
      'iterating needs an endDate (a Date, a YYYY-MM-DD string or unix seconds) to know where to stop',
    );
  }
  return splitDateRange(start, end, checkChunkDays(chunkDays ?? DEFAULT_ITERATE_CHUNK_DAYS));
}

/** `GET /athlete`. */
export function getAthlete(ctx: ClientContext, user: UserRef, options?: AthleteRequestOptions) {
  const userId = userIdOf(user);
  const o = optionsObject(options, 'options', false);
  const query = buildQuery({ user_id: userId, to_webhook: booleanOr(o.toWebhook, 'toWebhook', true) });
  return request(
    ctx.config,
    { method: 'GET', path: '/athlete', query },
    (json) => parseDataBody(json, ctx.client) as AthleteResponse,
    o,
  );
}

function planData(user: UserRef, type: DataType, options: unknown, toWebhookDefault: boolean): DataPlan {
  const userId = userIdOf(user);
  if (!isDataType(type)) {
    throw new TerraInvalidArgumentError('type', `type must be one of ${DATA_TYPES.join(', ')}`);
  }
  const o = optionsObject(options as DataRequestOptions | undefined, 'options', true);
  const { start, end } = parseDateRange(o.startDate, o.endDate);
  return {
    type,
    userId,
    start,
    end,
    extra: optionsObject(o.query, 'query', false),
    toWebhook: booleanOr(o.toWebhook, 'toWebhook', toWebhookDefault),
    withSamples: booleanOr(o.withSamples, 'withSamples', true),
    concurrency: optionalInteger(o.concurrency, 'concurrency', 1, 64) ?? DEFAULT_CONCURRENCY,
    request: {
      signal: o.signal,
      timeoutMs: o.timeoutMs,
      maxRetries: o.maxRetries,
      maxResponseBytes: o.maxResponseBytes,
      headers: o.headers,
      extraQuery: o.extraQuery,
      extraBody: o.extraBody,
    },
  };
}

function fetchChunk<T>(
  ctx: ClientContext,
  plan: DataPlan,
  window: { start: string | number; end: string | number | undefined },
  signal: AbortSignal | undefined,
): Promise<TerraApiResponse<DataResponse<T>>> {
  // Booleans are always sent: Terra's defaults (to_webhook true, with_samples false) are not the Python client's.
  const query = buildQuery({
    ...plan.extra,
    user_id: plan.userId,
    start_date: window.start,
    end_date: window.end,
    to_webhook: plan.toWebhook,
    with_samples: plan.withSamples,
  });
  return request(
    ctx.config,
    { method: 'GET', path: `/${plan.type}`, query },
    (json) => parseDataBody<T>(json, ctx.client) as DataResponse<T>,
    { ...plan.request, signal },
  );
}
