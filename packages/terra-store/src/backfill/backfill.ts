import { DATA_TYPES, type DataType, type Terra, type TerraApiResponse } from 'terra-ts';
import type { Database } from '../db/database.js';
import { upsertRecords } from '../upsert/upsert-records.js';
import { type BackfillWindow, planWindows, toDay } from './plan-chunks.js';

/** The types a backfill can fetch: the date-range endpoints and the athlete profile. */
export type BackfillType = DataType | 'athlete';

/** What to backfill. */
export interface BackfillOptions {
  /** The Terra user id. */
  userId: string;
  /** First day (UTC), inclusive: a `Date` or `'YYYY-MM-DD'`. */
  from: Date | string;
  /** Last day (UTC), exclusive. */
  to: Date | string;
  /** Default: {@link DEFAULT_BACKFILL_TYPES}. */
  types?: readonly BackfillType[];
  /** Days per request (default 30). */
  chunkDays?: number;
  /** Requests at once (default 4). terra-ts waits out 429s and retries 5xx on its own. */
  concurrency?: number;
  /** Stops after the requests in flight. */
  signal?: AbortSignal;
  /** Called after each window is stored. */
  onProgress?: (progress: BackfillProgress) => void;
}

/** Where a backfill stands. */
export interface BackfillProgress {
  /** Windows in the plan (all types). */
  total: number;
  /** Windows stored, including those a previous run already stored. */
  done: number;
  /** Windows skipped because a previous run stored them. */
  resumed: number;
  /** Records fetched by this run. */
  records: number;
  /** New natural keys stored by this run. */
  inserted: number;
  /** Windows that failed in this run (kept as `failed`, retried by the next run). */
  failed: number;
}

/** What a backfill fetches unless told otherwise: every date-range type of terra-ts's `DATA_TYPES`, then the athlete. */
export const DEFAULT_BACKFILL_TYPES: readonly BackfillType[] = [...DATA_TYPES, 'athlete'];

function fetchWindow(
  terra: Terra,
  userId: string,
  type: BackfillType,
  w: BackfillWindow,
  signal: AbortSignal | undefined,
): Promise<TerraApiResponse<unknown>> {
  if (type === 'athlete') return terra.getAthleteForUser(userId, { toWebhook: false, signal });
  return terra.getDataForUser(userId, type, {
    startDate: w.start,
    endDate: w.end,
    toWebhook: false,
    withSamples: true,
    signal,
  });
}

/**
 * Fetches a user's history through terra-ts (`to_webhook=false`), window by window, and writes each window
 * through the same upsert as webhooks, in one transaction with the window's progress row: a window is either
 * stored and marked done, or neither. A later call with the same range skips the windows already done, so a
 * backfill stopped by a crash or a restart resumes where it stopped.
 */
export async function backfill(
  db: Database,
  terra: Terra,
  options: BackfillOptions,
): Promise<BackfillProgress> {
  const from = toDay(options.from, 'from');
  const to = toDay(options.to, 'to');
  const types = options.types ?? DEFAULT_BACKFILL_TYPES;
  const chunkDays = options.chunkDays ?? 30;
  const plan: Array<{ type: BackfillType; window: BackfillWindow }> = [];
  for (const type of types) {
    const windows = type === 'athlete' ? [{ start: from, end: from }] : planWindows(from, to, chunkDays);
    for (const window of windows) plan.push({ type, window });
  }
  await db.query(
    `INSERT INTO terra_backfill_chunks (user_id, data_type, start_date, end_date)
     SELECT $1, p->>'type', (p->>'start')::date, (p->>'end')::date FROM jsonb_array_elements($2::text::jsonb) p
     ON CONFLICT DO NOTHING`,
    [options.userId, JSON.stringify(plan.map((p) => ({ type: p.type, ...p.window })))],
  );
  const doneRows = await db.query<{ data_type: string; start: string; end: string }>(
    `SELECT data_type, to_char(start_date, 'YYYY-MM-DD') AS start, to_char(end_date, 'YYYY-MM-DD') AS end
     FROM terra_backfill_chunks WHERE user_id = $1 AND status = 'done'`,
    [options.userId],
  );
  const done = new Set(doneRows.map((r) => `${r.data_type}|${r.start}|${r.end}`));
  const todo = plan.filter((p) => !done.has(`${p.type}|${p.window.start}|${p.window.end}`));
  const progress: BackfillProgress = {
    total: plan.length,
    done: plan.length - todo.length,
    resumed: plan.length - todo.length,
    records: 0,
    inserted: 0,
    failed: 0,
  };
  let next = 0;
  const errors: unknown[] = [];
  const worker = async () => {
    while (next < todo.length && !options.signal?.aborted) {
      const item = todo[next++] as (typeof todo)[number];
      try {
        const response = await fetchWindow(terra, options.userId, item.type, item.window, options.signal);
        const json = response.getJson() as { user?: { provider?: unknown } };
        const provider = typeof json.user?.provider === 'string' ? json.user.provider : undefined;
        const orderingTs = Date.now();
        await db.transaction(async (tx) => {
          const counts =
            item.type === 'athlete' || Array.isArray((json as { data?: unknown }).data)
              ? await upsertRecords(tx, {
                  type: item.type,
                  payloadJson: response.rawBody,
                  userId: options.userId,
                  provider,
                  orderingTs,
                  inboxId: undefined,
                  source: 'backfill',
                })
              : { received: 0, inserted: 0 };
          await tx.query(
            `UPDATE terra_backfill_chunks SET status = 'done', records = $5, attempts = attempts + 1, last_error = NULL, done_at = now()
             WHERE user_id = $1 AND data_type = $2 AND start_date = $3::date AND end_date = $4::date`,
            [options.userId, item.type, item.window.start, item.window.end, counts.received],
          );
          progress.records += counts.received;
          progress.inserted += counts.inserted;
        });
        progress.done += 1;
        options.onProgress?.({ ...progress });
      } catch (error) {
        progress.failed += 1;
        errors.push(error);
        await db
          .query(
            `UPDATE terra_backfill_chunks SET status = 'failed', attempts = attempts + 1, last_error = $5
             WHERE user_id = $1 AND data_type = $2 AND start_date = $3::date AND end_date = $4::date`,
            [
              options.userId,
              item.type,
              item.window.start,
              item.window.end,
              String((error as Error)?.message ?? error).slice(0, 2000),
            ],
          )
          .catch(() => undefined);
      }
    }
  };
  const concurrency = Math.max(1, Math.min(16, Math.floor(options.concurrency ?? 4)));
  await Promise.all(Array.from({ length: concurrency }, worker));
  if (errors.length > 0) {
    throw new AggregateError(
      errors,
      `${errors.length} of ${todo.length} backfill windows failed (kept as 'failed'; run the backfill again to retry them): ${String((errors[0] as Error)?.message ?? errors[0])}`,
    );
  }
  return progress;
}
