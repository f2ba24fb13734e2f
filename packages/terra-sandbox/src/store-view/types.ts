import type { DataType } from '../data/source.js';

/**
 * A read-only window on a store that keeps what the sandbox's webhooks delivered (terra-store, or your
 * own), so the dashboard can show, per user and data type, whether the store holds what was sent.
 * The sandbox never imports a store: the process that owns both passes this in
 * (`startSandbox({ storeView })`).
 *
 * @example
 * ```ts
 * const store = await openStore();
 * const sandbox = await startSandbox({
 *   webhookUrl,
 *   storeView: { label: 'terra-store (PGlite)', records: (userId, type) => store.records(type, userId) },
 * });
 * ```
 */
export interface StoreView {
  /** What the dashboard calls the store, e.g. `terra-store (PGlite, in memory)`. Default `the store`. */
  readonly label?: string;
  /** Every record of one data type the store holds for a user, as Terra sent it (snake_case wire objects). */
  records(userId: string, type: DataType): Promise<readonly unknown[]>;
}

/** How one user's records of one data type compare between what the sandbox sent and the store. */
export interface StoreTypeComparison {
  /** The user. */
  readonly userId: string;
  /** The data type. */
  readonly type: DataType;
  /** Records the sandbox delivered (newest version per natural key, acknowledged by the receiver). */
  readonly sent: number;
  /** Records the store holds. */
  readonly stored: number;
  /** Records held exactly as last sent. */
  readonly matching: number;
  /** Natural keys sent but not in the store. */
  readonly missing: readonly string[];
  /** Natural keys in the store that the sandbox never sent (or no longer remembers sending). */
  readonly extra: readonly string[];
  /** Natural keys the store holds an older or different version of than the one last sent. */
  readonly stale: readonly string[];
}

/** The whole comparison the dashboard shows. */
export interface StoreComparison {
  /** The store's label. */
  readonly label: string;
  /** Where "sent" comes from: live mode's ground truth, or the deliveries the sandbox still keeps. */
  readonly source: 'ground-truth' | 'deliveries';
  /** Deliveries dropped by the retention limits: records only they carried can show as extra. */
  readonly droppedDeliveries: number;
  /** One row per user and data type that either side has records of. */
  readonly rows: readonly StoreTypeComparison[];
  /** Why the store could not be read, when it could not (the rows are then empty). */
  readonly error?: string;
}
