import { isDataType } from 'terra-ts';
import { recordKey } from '../data/record-key.js';
import { personaOf } from '../generators/world/persona.js';
import { createRandom } from '../generators/world/random.js';
import { summaryIdFrom } from '../generators/world/summary-id.js';
import { terraTimestamp } from '../state/time.js';
import type { Delivery, TerraUser } from '../state/types.js';
import { PAYLOAD_VERSION } from '../webhooks/event-payloads.js';
import type { SendOptions } from '../webhooks/events.js';
import { ChaosPlanner } from './chaos.js';
import type { SimulatedClock } from './clock.js';
import {
  type GroundTruth,
  GroundTruthLedger,
  type GroundTruthOptions,
  type LedgerVersion,
} from './ground-truth.js';
import type { ResolvedLiveOptions } from './options.js';
import { SendHeap } from './send-heap.js';
import { type LiveRecordType, type SyncedRecord, UserSyncState } from './sync-contents.js';
import { SyncCursor } from './sync-schedule.js';

/** What live mode needs from the running sandbox. */
export interface LiveHost {
  readonly seed: number;
  readonly clock: SimulatedClock;
  /** The connected users now, in the order they were connected. */
  users(): TerraUser[];
  /** Creates, records and queues one delivery (the sandbox's EventService). */
  sendEvent(type: string, body: Record<string, unknown>, options: SendOptions): Delivery;
  /** Subscribes to every delivery created. */
  onSend(listener: (delivery: Delivery, body: Record<string, unknown>) => void): () => void;
  /** Subscribes to the outcome of every delivery attempt. */
  onAttempt(listener: (delivery: Delivery) => void): () => void;
}

/** A version of a record as live mode sends it (one record per payload). */
interface LiveVersion {
  readonly ledger: LedgerVersion;
  readonly reference: string;
  readonly user: TerraUser;
  /** The payload body (`data` or `athlete`, `user`, `version`); dropped once its last send is out. */
  body: Record<string, unknown> | undefined;
  sendsLeft: number;
}

interface LiveSend {
  readonly releaseMs: number;
  readonly tiebreak: number;
  readonly seq: number;
  readonly version: LiveVersion;
}

interface LiveUser {
  readonly user: TerraUser;
  readonly cursor: SyncCursor;
  readonly state: UserSyncState;
}

/** How long a catch-up may hold the event loop before it lets requests and deliveries through. */
const SLICE_MS = 25;
/** How often a running clock is caught up with, in real milliseconds. */
const TICK_MS = 250;

/**
 * Live mode: as the sandbox clock passes each user's device syncs, it sends what the sync
 * uploaded, the way Terra forwards a provider sync: today's (and, until it is complete,
 * yesterday's) daily, body, nutrition and menstruation whenever they hold more than before, each
 * revision with a later `x-terra-ordering-timestamp`; a workout after it ends; a night after the
 * user wakes; the athlete profile once. Everything sent is read at the sync's instant, never
 * later than the clock's now. Delivery chaos, if on, decides when each version is posted.
 */
export class LiveMode {
  private readonly ledger = new GroundTruthLedger();
  private readonly planner: ChaosPlanner;
  private readonly heap = new SendHeap<LiveSend>();
  private readonly liveUsers = new Map<string, LiveUser>();
  private readonly unsubscribe: Array<() => void> = [];
  private processedMs: number;
  private seq = 0;
  private dispatching: LiveVersion | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private targetMs: number;
  private roomWaiters: Array<() => void> = [];
  private settleWaiters = new Set<() => void>();
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly host: LiveHost,
    private readonly options: ResolvedLiveOptions,
  ) {
    this.processedMs = host.clock.now();
    this.targetMs = this.processedMs;
    this.planner = new ChaosPlanner(host.seed, options.chaos);
    this.unsubscribe.push(
      host.onSend((delivery, body) => this.onSend(delivery, body)),
      host.onAttempt((delivery) => this.onAttempt(delivery)),
    );
  }

  /** Starts following a running clock (speed above 0): it is caught up with every quarter second. */
  start(): void {
    if (this.host.clock.speed === 0 || this.timer || this.closed) return;
    let busy = false;
    this.timer = setInterval(() => {
      // While a catch-up still runs (a slow receiver, a long stretch), ticks wait; the next one after it takes in the new now.
      if (busy) return;
      busy = true;
      this.catchUp()
        .catch((err: unknown) => {
          process.stderr.write(`terra-sandbox: live mode failed: ${(err as Error)?.stack ?? String(err)}\n`);
        })
        .finally(() => {
          busy = false;
        });
    }, TICK_MS);
    this.timer.unref();
  }

  /**
   * Sends everything due up to the clock's now. Resolves once each sync up to then has been read and
   * each send due by then handed to the delivery queue (not yet answered: see {@link settled}).
   */
  catchUp(): Promise<void> {
    this.targetMs = Math.max(this.targetMs, this.host.clock.now());
    const target = this.targetMs;
    const run = this.running.then(() => this.runTo(target));
    // A failed catch-up is reported to its caller; the next one still runs.
    this.running = run.catch(() => undefined);
    return run;
  }

  /**
   * Resolves when everything due by the clock's now has been sent and every live-mode delivery has
   * been answered 2xx or given up on; rejects after `timeoutMs` saying what is still outstanding.
   */
  async settled(timeoutMs = 10_000): Promise<void> {
    await this.catchUp();
    if (this.ledger.inFlight === 0) return;
    await new Promise<void>((resolve, reject) => {
      const check = () => {
        if (this.ledger.inFlight > 0 && !this.closed) return;
        clearTimeout(timer);
        this.settleWaiters.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.settleWaiters.delete(check);
        reject(
          new Error(
            `live mode did not settle within ${timeoutMs} ms: ${this.ledger.inFlight} deliveries still unanswered (is the webhook receiver up and answering 2xx?)`,
          ),
        );
      }, timeoutMs);
      this.settleWaiters.add(check);
    });
  }

  /** The newest version of every record sent, and the delivery counts (see {@link GroundTruth}). */
  groundTruth(options: GroundTruthOptions = {}): GroundTruth {
    return this.ledger.report(
      this.host.clock.now(),
      options.includeDeliveries === true,
      options.acknowledgedOnly === true,
    );
  }

  /** Stops following the clock and sending; waiters are released. */
  close(): void {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    for (const off of this.unsubscribe) off();
    this.wake();
  }

  private async runTo(targetMs: number): Promise<void> {
    let sliceStart = Date.now();
    while (!this.closed) {
      const due = this.nextSync(targetMs);
      if (due === undefined) break;
      // Sends due before this sync go first, so the order never depends on how the clock was advanced.
      await this.release(due.atMs - 1);
      for (const live of due.users) this.sync(live, due.atMs);
      this.processedMs = due.atMs;
      if (Date.now() - sliceStart > SLICE_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        sliceStart = Date.now();
      }
    }
    await this.release(targetMs);
    if (targetMs > this.processedMs) this.processedMs = targetMs;
  }

  /** The earliest sync instant after what was processed and not after `targetMs`, with its users. */
  private nextSync(targetMs: number): { atMs: number; users: LiveUser[] } | undefined {
    this.followUsers();
    let atMs = Number.POSITIVE_INFINITY;
    let users: LiveUser[] = [];
    for (const live of this.liveUsers.values()) {
      const t = live.cursor.peek() * 1000;
      if (t < atMs) {
        atMs = t;
        users = [live];
      } else if (t === atMs) users.push(live);
    }
    return atMs <= targetMs ? { atMs, users } : undefined;
  }

  /** Starts following users connected since (from now on) and forgets users removed. */
  private followUsers(): void {
    const current = this.host.users();
    const ids = new Set<string>();
    for (const user of current) {
      ids.add(user.user_id);
      if (this.liveUsers.has(user.user_id)) continue;
      const ctx = { seed: this.host.seed, user };
      const persona = personaOf(ctx);
      this.liveUsers.set(user.user_id, {
        user,
        cursor: new SyncCursor(ctx, persona, Math.floor(this.processedMs / 1000)),
        state: new UserSyncState(ctx, persona, this.options.withSamples),
      });
    }
    for (const id of this.liveUsers.keys()) if (!ids.has(id)) this.liveUsers.delete(id);
  }

  /** Reads one user's sync and plans the sends of what it uploaded. */
  private sync(live: LiveUser, atMs: number): void {
    const atSeconds = live.cursor.take();
    const records = live.state.sync(atSeconds);
    if (records.length === 0) return;
    const userId = live.user.user_id;
    const reference = liveId(this.host.seed, 'reference', userId, String(atMs));
    const user: TerraUser = { ...live.user, last_webhook_update: terraTimestamp(atMs) };
    for (const synced of records) {
      const traceId = liveId(this.host.seed, 'trace', userId, synced.type, synced.key, String(atMs));
      const version: LiveVersion = {
        ledger: {
          type: synced.type,
          userId,
          key: synced.key,
          orderingTimestamp: atMs,
          traceId,
          json: synced.json,
          acknowledged: false,
        },
        reference,
        user: live.user,
        body: bodyOf(synced, user),
        sendsLeft: 0,
      };
      for (const planned of this.planner.plan(traceId, atMs)) {
        version.sendsLeft++;
        this.heap.push({ ...planned, seq: this.seq++, version });
      }
    }
  }

  /** Hands every send due by `uptoMs` to the delivery queue, waiting for room when it is full. */
  private async release(uptoMs: number): Promise<void> {
    for (let next = this.heap.peek(); next && next.releaseMs <= uptoMs; next = this.heap.peek()) {
      while (this.ledger.inFlight >= this.options.maxInFlight && !this.closed) {
        await new Promise<void>((resolve) => this.roomWaiters.push(resolve));
      }
      if (this.closed) return;
      this.heap.pop();
      this.dispatch(next.version);
    }
  }

  private dispatch(version: LiveVersion): void {
    const body = version.body;
    if (!body) return;
    version.sendsLeft--;
    if (version.sendsLeft === 0) version.body = undefined;
    this.dispatching = version;
    try {
      this.host.sendEvent(version.ledger.type, body, {
        reference: version.reference,
        traceId: version.ledger.traceId,
        user: version.user,
        orderingTimestamp: version.ledger.orderingTimestamp,
      });
    } finally {
      this.dispatching = undefined;
    }
  }

  /** Every delivery counts; data deliveries (live ones and requested ones) feed the ground truth. */
  private onSend(delivery: Delivery, body: Record<string, unknown>): void {
    const live = this.dispatching;
    this.ledger.sentDelivery(delivery, live ? [live.ledger] : versionsOf(delivery, body));
    this.wake();
  }

  private onAttempt(delivery: Delivery): void {
    this.ledger.attempted(delivery);
    this.wake();
  }

  private wake(): void {
    if (this.ledger.inFlight < this.options.maxInFlight || this.closed) {
      const waiters = this.roomWaiters;
      this.roomWaiters = [];
      for (const resolve of waiters) resolve();
    }
    for (const check of [...this.settleWaiters]) check();
  }
}

/** The payload body of one record version: Terra's data webhook shape, or the athlete one. */
function bodyOf(synced: SyncedRecord, user: TerraUser): Record<string, unknown> {
  return synced.type === 'athlete'
    ? { athlete: synced.record, user, version: PAYLOAD_VERSION }
    : { data: [synced.record], user, version: PAYLOAD_VERSION };
}

/** The record versions a delivery not made by live mode carries (a requested `to_webhook` payload). */
function versionsOf(delivery: Delivery, body: Record<string, unknown>): LedgerVersion[] {
  const type = delivery.type;
  const userId = (body.user as TerraUser | undefined)?.user_id;
  if (!userId) return [];
  const version = (key: string, record: unknown): LedgerVersion => ({
    type: type as LiveRecordType,
    userId,
    key,
    orderingTimestamp: delivery.ordering_timestamp,
    traceId: delivery.trace_id,
    json: JSON.stringify(record),
    acknowledged: false,
  });
  if (type === 'athlete') return body.athlete ? [version(userId, body.athlete)] : [];
  if (!isDataType(type) || !Array.isArray(body.data)) return [];
  const out: LedgerVersion[] = [];
  for (const record of body.data as unknown[]) {
    const key = recordKey(type, record);
    if (key !== undefined) out.push(version(key, record));
  }
  return out;
}

/** A UUID-shaped id drawn from the seed and its parts, so the same run gives the same ids. */
function liveId(seed: number, ...parts: string[]): string {
  return summaryIdFrom(createRandom(seed, 'live-id', ...parts));
}
