import type { Terra } from 'terra-ts';
import { type BackfillOptions, type BackfillProgress, backfill } from './backfill/backfill.js';
import type { Database } from './db/database.js';
import { openDatabase } from './db/open-database.js';
import { SchemaTooNewError } from './errors/schema-too-new-error.js';
import { InboxGroupCommit } from './inbox/group-commit.js';
import type { StoredDataType, StoredRecordTypes } from './keys/data-types.js';
import { claimOne } from './process/claim.js';
import { processRow, type RowResult } from './process/process-row.js';
import {
  type ProcessingOptions,
  type ResolvedProcessing,
  resolveProcessing,
} from './process/processing-options.js';
import { type ProcessingTally, Processor, type WorkOptions } from './process/processor.js';
import { newWorkerId } from './process/worker-id.js';
import {
  countDeliveries,
  type DeliveryFilter,
  type DeliveryStatus,
  deliveryBody,
  getDelivery,
  listDeliveries,
  requeueDeadLetter,
  type StoredDelivery,
} from './query/deliveries.js';
import { type InboxHealth, readInboxHealth } from './query/inbox-health.js';
import type { RecordRange } from './query/range.js';
import { countRecords, latestRecord, listRecords } from './query/records.js';
import { getUser, listUserEvents, listUsers, type StoredUser, type StoredUserEvent } from './query/users.js';
import { type DayValue, readDayView } from './query/views.js';
import { receiveAndApply } from './receive/receive-and-apply.js';
import type { ReceiveTarget } from './receive/receive-delivery.js';
import { type ReconcileResult, reconcile } from './reconcile/reconcile.js';
import { type MigrationResult, migrate, schemaVersion } from './schema/migrate.js';
import { SCHEMA_VERSION } from './schema/migrations.js';

/** Options of {@link openStore}. */
export interface OpenStoreOptions extends ProcessingOptions {
  /**
   * Where the data lives: a `postgres://` URL (a server), a directory (embedded PGlite on disk), `'memory://'`
   * or nothing (embedded PGlite in memory), or a {@link Database} you opened.
   */
  database?: string | Database;
  /** The Terra client backfill, reconcile and `s3_payload` downloads use. */
  terra?: Terra;
  /**
   * `'inline'` (default): each delivery is processed in this process right after its commit (and rows left
   * over by an earlier run are processed at open). `'workers'`: the receiver only commits; run `store.work()`
   * or `createWorker` elsewhere.
   */
  processing?: 'inline' | 'workers';
  /**
   * Inline processing only (default true): while this process has no inbox rows waiting, a data delivery
   * whose records are in its body (up to 1 MiB) is stored in the same commit as its inbox row, before the
   * answer: alone in one statement, or with the deliveries that arrived together in one transaction (records
   * queryable at the acknowledgement, one commit instead of two). Any failure commits nothing of it and the
   * deliveries take the ordinary path (inbox commit, answer, processing). `false`: always the ordinary path.
   */
  applyOnReceipt?: boolean;
  /** Apply migrations at open (default true). With false, a database behind the code is refused. */
  migrate?: boolean;
  /** Pool size on a server (default 10). */
  maxConnections?: number;
  /** On a server: statements running longer are cancelled (`statement_timeout`; default none). */
  statementTimeoutMs?: number;
  /**
   * On a server: a session idle inside a transaction this long is ended by the server, releasing its row
   * locks (`idle_in_transaction_session_timeout`; default none, `createWorker` uses the lease).
   */
  idleInTransactionTimeoutMs?: number;
  /** The id rows are claimed under (default host:pid:random). */
  workerId?: string;
}

/**
 * Terra records in PostgreSQL, exactly once. Open with {@link openStore}; receive with
 * `createStoreWebhookHandler`/`createStoreNodeWebhookHandler`; read with the query methods.
 */
export class TerraStore {
  /** The database (PGlite or a server pool). */
  readonly db: Database;
  /** The schema migration this open applied, if any. */
  readonly migration: MigrationResult | undefined;
  readonly #terra: Terra | undefined;
  readonly #processor: Processor;
  readonly #inbox: InboxGroupCommit;
  readonly #processing: ResolvedProcessing;
  readonly #inline: boolean;
  readonly #ownsDb: boolean;

  /** @internal Use {@link openStore}. */
  constructor(init: {
    db: Database;
    ownsDb: boolean;
    migration: MigrationResult | undefined;
    terra: Terra | undefined;
    processing: ResolvedProcessing;
    inline: boolean;
    applyOnReceipt: boolean;
    workerId: string;
  }) {
    this.db = init.db;
    this.#ownsDb = init.ownsDb;
    this.migration = init.migration;
    this.#terra = init.terra;
    this.#processing = init.processing;
    this.#inline = init.inline;
    this.#processor = new Processor(init.db, init.processing, init.workerId);
    const processing = init.processing;
    this.#inbox = new InboxGroupCommit(
      init.db,
      // Only while nothing waits here: a backlog is processed first, in the order it arrived.
      init.inline && init.applyOnReceipt
        ? (group) => (this.#processor.isIdle() ? receiveAndApply(init.db, group, processing) : undefined)
        : undefined,
    );
  }

  /** The id this process claims inbox rows under. */
  get workerId(): string {
    return this.#processor.workerId;
  }

  /** @internal What the webhook handlers write to. */
  receiveTarget(onError?: (error: unknown) => void): ReceiveTarget {
    const onStage = this.#processing.onStage;
    return {
      db: this.db,
      inbox: this.#inbox,
      onCommitted: this.#inline ? (id, row) => this.#processor.schedule(id, row) : undefined,
      onStage: onStage ? (stage, id) => onStage(stage, id) : undefined,
      onError,
    };
  }

  /** Applies pending migrations (also done at open unless `migrate: false`). */
  migrate(): Promise<MigrationResult> {
    return migrate(this.db);
  }

  /** Processes every inbox row due now, then resolves. */
  drain(): Promise<ProcessingTally> {
    return this.#processor.drain();
  }

  /** Claims and processes inbox rows until `signal` aborts (a worker loop). */
  work(options?: WorkOptions): Promise<ProcessingTally> {
    return this.#processor.work(options);
  }

  /** @internal Processes rows an earlier run left unfinished, in the background (tracked by {@link idle}). */
  recover(): void {
    this.#processor.scheduleDrain();
  }

  /** Resolves when the deliveries received by this process have been processed (inline mode). */
  idle(): Promise<void> {
    return this.#processor.idle();
  }

  /** Backfills a user's history through terra-ts; resumable (see `backfill`). */
  backfill(options: BackfillOptions): Promise<BackfillProgress> {
    return backfill(this.db, this.#needTerra('backfill'), options);
  }

  /** Converges users' connection state with Terra's `/subscriptions`. */
  reconcile(): Promise<ReconcileResult> {
    return reconcile(this.db, this.#needTerra('reconcile'));
  }

  /** A user's records of one type in a range, as Terra sent them (snake_case wire objects). */
  records<K extends StoredDataType>(
    type: K,
    userId: string,
    range?: RecordRange,
  ): Promise<StoredRecordTypes[K][]> {
    return listRecords(this.db, type, userId, range);
  }

  /** A user's newest record of one type. */
  latest<K extends StoredDataType>(type: K, userId: string): Promise<StoredRecordTypes[K] | undefined> {
    return latestRecord(this.db, type, userId);
  }

  /** How many records of one type a user has (in a range). */
  count(type: StoredDataType, userId: string, range?: RecordRange): Promise<number> {
    return countRecords(this.db, type, userId, range);
  }

  /** Every user and their connection state. */
  users(): Promise<StoredUser[]> {
    return listUsers(this.db);
  }

  /** One user's connection state. */
  user(userId: string): Promise<StoredUser | undefined> {
    return getUser(this.db, userId);
  }

  /** One user's connection history (auth, deauth, user_reauth, ...). */
  userEvents(userId: string): Promise<StoredUserEvent[]> {
    return listUserEvents(this.db, userId);
  }

  /** Inbox rows, newest first (filter by status, type, user). */
  deliveries(filter?: DeliveryFilter): Promise<StoredDelivery[]> {
    return listDeliveries(this.db, filter);
  }

  /** One inbox row by id (without its body; see {@link deliveryBody}). */
  delivery(id: number): Promise<StoredDelivery | undefined> {
    return getDelivery(this.db, id);
  }

  /**
   * The inbox at a glance: how many rows wait (depth), how old the oldest is, dead letters, the same per event
   * type, and failures per type and user. What to watch in production (see the README's deployment notes).
   */
  inboxHealth(): Promise<InboxHealth> {
    return readInboxHealth(this.db);
  }

  /** The schema version the database is at. */
  schemaVersion(): Promise<number> {
    return schemaVersion(this.db);
  }

  /** How many inbox rows are pending, waiting for a retry, processed and dead. */
  deliveryCounts(): Promise<Record<DeliveryStatus, number>> {
    return countDeliveries(this.db);
  }

  /** The raw bytes of a delivery, exactly as received. */
  deliveryBody(id: number): Promise<Uint8Array | undefined> {
    return deliveryBody(this.db, id);
  }

  /**
   * Replays a dead letter now: its attempts reset and it is processed once more in this process.
   *
   * @returns how it ended, or `'not_dead'` when the row is not a dead letter.
   */
  async replay(id: number): Promise<RowResult | 'not_dead'> {
    if (!(await requeueDeadLetter(this.db, id))) return 'not_dead';
    const claimed = await claimOne(this.db, id, this.workerId, this.#processing.leaseMs);
    if (!claimed) return 'lost_lease';
    return processRow(this.db, claimed, this.workerId, this.#processing);
  }

  /** Steps per local day (the `terra_steps_per_day` view), days inclusive. */
  stepsPerDay(userId: string, from: string, to: string): Promise<DayValue[]> {
    return readDayView(this.db, 'steps', userId, from, to);
  }

  /** Seconds asleep per night, naps left out (`terra_sleep_per_night`), by the day the user woke. */
  sleepPerNight(userId: string, from: string, to: string): Promise<DayValue[]> {
    return readDayView(this.db, 'sleep', userId, from, to);
  }

  /** Resting heart rate per local day (`terra_resting_heart_rate_per_day`). */
  restingHeartRatePerDay(userId: string, from: string, to: string): Promise<DayValue[]> {
    return readDayView(this.db, 'restingHr', userId, from, to);
  }

  /** Waits for inline work, then closes the database (when the store opened it). */
  async close(): Promise<void> {
    await this.#processor.idle();
    if (this.#ownsDb) await this.db.close();
  }

  #needTerra(what: string): Terra {
    if (!this.#terra)
      throw new TypeError(`store.${what}() needs a Terra client: openStore({ terra: new Terra({ ... }) }).`);
    return this.#terra;
  }
}

/**
 * Opens a store: connects (or starts embedded PGlite), applies migrations under an advisory lock, and in
 * inline mode processes the rows an earlier run left unfinished.
 *
 * @throws DatabaseUrlError, DatabaseUnavailableError, SchemaTooNewError.
 */
export async function openStore(options: OpenStoreOptions = {}): Promise<TerraStore> {
  const processing = resolveProcessing({
    ...options,
    s3: options.s3 ?? (options.terra ? { client: options.terra } : undefined),
  });
  const ownsDb = typeof options.database !== 'object';
  const db =
    typeof options.database === 'object'
      ? options.database
      : await openDatabase(options.database, {
          maxConnections: options.maxConnections,
          statementTimeoutMs: options.statementTimeoutMs,
          idleInTransactionTimeoutMs: options.idleInTransactionTimeoutMs,
        });
  try {
    const migration = options.migrate === false ? undefined : await migrate(db);
    if (options.migrate === false) {
      // Still refuse a schema newer than the code.
      const found = await schemaVersion(db);
      if (found > SCHEMA_VERSION) throw new SchemaTooNewError(found, SCHEMA_VERSION);
    }
    if (db.engine === 'pglite') {
      // An embedded database belongs to one process at a time: any lease left in it is a dead process's.
      await db.query(
        'UPDATE terra_inbox SET claimed_by = NULL, lease_until = NULL WHERE lease_until IS NOT NULL',
      );
    }
    const store = new TerraStore({
      db,
      ownsDb,
      migration,
      terra: options.terra,
      processing,
      inline: (options.processing ?? 'inline') === 'inline',
      applyOnReceipt: options.applyOnReceipt ?? true,
      workerId: options.workerId ?? newWorkerId(),
    });
    if (options.processing !== 'workers') store.recover();
    return store;
  } catch (error) {
    if (ownsDb) await db.close().catch(() => undefined);
    throw error;
  }
}
