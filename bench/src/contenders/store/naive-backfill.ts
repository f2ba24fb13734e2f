// A backfill as a user writes it without terra-store: the same 30-day windows through terra-ts
// (to_webhook=false, with samples, 4 requests at once), each response written with one
// INSERT ... ON CONFLICT per record in one transaction. No progress is kept: a crash starts over.
import type { Terra, TerraApiResponse } from 'terra-ts';
import { type BenchDataType, payloadRows, type TableRow } from './table-rows.js';

/** One 30-day window of one type. */
export interface BackfillWindowOf {
  readonly type: BenchDataType;
  readonly start: string;
  readonly end: string;
}

/** Runs a response's statements in one transaction. */
export type TransactRows = (rows: readonly TableRow[]) => Promise<void>;

function fetchWindow(terra: Terra, userId: string, w: BackfillWindowOf): Promise<TerraApiResponse<unknown>> {
  const options = { startDate: w.start, endDate: w.end, toWebhook: false, withSamples: true };
  switch (w.type) {
    case 'activity':
      return terra.getActivityForUser(userId, options);
    case 'sleep':
      return terra.getSleepForUser(userId, options);
    case 'daily':
      return terra.getDailyForUser(userId, options);
    case 'body':
      return terra.getBodyForUser(userId, options);
    case 'nutrition':
      return terra.getNutritionForUser(userId, options);
    case 'menstruation':
      return terra.getMenstruationForUser(userId, options);
  }
}

/** Fetches and stores every window, `concurrency` at a time; resolves with the records written. */
export async function naiveBackfill(
  terra: Terra,
  userId: string,
  windows: readonly BackfillWindowOf[],
  transact: TransactRows,
  concurrency = 4,
): Promise<number> {
  let next = 0;
  let records = 0;
  const worker = async () => {
    while (next < windows.length) {
      const w = windows[next++] as BackfillWindowOf;
      const json = (await fetchWindow(terra, userId, w)).getJson() as Parameters<typeof payloadRows>[0];
      const rows = payloadRows(json, w.type, Date.now());
      await transact(rows);
      records += rows.length;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return records;
}
