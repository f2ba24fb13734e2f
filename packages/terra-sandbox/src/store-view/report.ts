import type { GroundTruth, GroundTruthOptions } from '../live/ground-truth.js';
import type { DeliveryStoreStats } from '../state/deliveries.js';
import type { Delivery, TerraUser } from '../state/types.js';
import { compareWithStore } from './compare.js';
import { sentFromDeliveries, sentFromGroundTruth } from './sent-records.js';
import type { StoreComparison, StoreView } from './types.js';

/** What the comparison reads of the sandbox (the runtime is one). */
export interface StoreReportHost {
  /** The connections. */
  readonly users: { list(): TerraUser[] };
  /** The deliveries kept, and how many were dropped. */
  readonly deliveries: { list(): Delivery[]; stats(): DeliveryStoreStats };
  /** Live mode, when on: its ground truth remembers every version sent, whatever the retention. */
  readonly live: { groundTruth(options?: GroundTruthOptions): GroundTruth } | undefined;
}

/** The store's label as the dashboard shows it. */
export function storeLabel(view: StoreView): string {
  return view.label?.trim() || 'the store';
}

/**
 * Compares what the sandbox delivered with what `view` holds, per user and data type. A store that
 * cannot be read gives a report with its error's first line (a database error can be long) and no rows.
 */
export async function storeComparison(host: StoreReportHost, view: StoreView): Promise<StoreComparison> {
  const source = host.live ? 'ground-truth' : 'deliveries';
  const sent = host.live
    ? sentFromGroundTruth(host.live.groundTruth({ acknowledgedOnly: true }))
    : sentFromDeliveries(host.deliveries.list());
  const base = {
    label: storeLabel(view),
    source,
    droppedDeliveries: host.live ? 0 : host.deliveries.stats().dropped,
  } as const;
  try {
    const rows = await compareWithStore(
      view,
      host.users.list().map((u) => u.user_id),
      sent,
    );
    return { ...base, rows };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ...base, rows: [], error: message.split('\n')[0] ?? 'unknown error' };
  }
}
