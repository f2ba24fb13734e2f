import { athleteFor, type DataType, type GeneratorContext, recordsForDay } from './data/source.js';
import { FaultState } from './faults/state.js';
import { badRequest, notFound } from './http/problem.js';
import { SimulatedClock } from './live/clock.js';
import { LiveMode } from './live/live-mode.js';
import { LiveModeOffError, resolveLiveOptions } from './live/options.js';
import { DEFAULTS, DEMO_USERS, type SandboxOptions } from './options.js';
import { RateLimiter } from './rate-limit/limiter.js';
import { type DeliveryRetention, DeliveryStore } from './state/deliveries.js';
import { LabReportStore } from './state/lab-reports.js';
import { loadSnapshot, type Snapshot, SnapshotWriter } from './state/persistence.js';
import { SessionStore } from './state/sessions.js';
import type { ConnectSession, Delivery, NewUser, TerraUser } from './state/types.js';
import { UserStore } from './state/users.js';
import { WorkoutStore } from './state/workouts.js';
import type { StoreView } from './store-view/types.js';
import { DeliveryQueue } from './webhooks/delivery-queue.js';
import {
  authCancelledBody,
  authSuccessBody,
  deauthBody,
  type TriggerableEvent,
} from './webhooks/event-payloads.js';
import { EventService } from './webhooks/events.js';
import { LabReportProcessor } from './webhooks/lab-report-processing.js';
import { triggerUserEvent } from './webhooks/trigger.js';
import { checkWebhookUrl } from './webhooks/webhook-url.js';

/**
 * Everything one running sandbox knows: configuration, stores, the webhook machinery and the
 * operations routes and pages share (connect a user, trigger an event, generate data). Routes
 * stay thin by calling these.
 */
export class SandboxRuntime {
  readonly apiKey: string;
  readonly devId: string;
  readonly secret: string;
  readonly seed: number;
  /** Origin (`http://127.0.0.1:<port>`), set once the server listens. */
  origin = '';
  webhookUrl: string | undefined;
  readonly users = new UserStore();
  readonly sessions = new SessionStore();
  readonly deliveries: DeliveryStore;
  readonly faults: FaultState;
  readonly rateLimiter = new RateLimiter();
  readonly workouts = new WorkoutStore();
  readonly labReports = new LabReportStore();
  readonly queue: DeliveryQueue;
  readonly events: EventService;
  readonly labReportProcessor: LabReportProcessor;
  /** The sandbox's now: data is served as of it, and live mode follows it. */
  readonly clock: SimulatedClock;
  /** Live mode, when it is on. */
  readonly live: LiveMode | undefined;
  /** The store the dashboard compares deliveries with, when one was given. */
  readonly storeView: StoreView | undefined;
  private readonly writer: SnapshotWriter | undefined;

  constructor(options: SandboxOptions) {
    this.apiKey = options.apiKey ?? DEFAULTS.apiKey;
    this.devId = options.devId ?? DEFAULTS.devId;
    this.secret = options.secret ?? DEFAULTS.secret;
    this.seed = options.seed ?? DEFAULTS.seed;
    this.clock = new SimulatedClock(options.clock);
    this.storeView = checkStoreView(options.storeView);
    const liveOptions = options.live ? resolveLiveOptions(options.live) : undefined;
    this.webhookUrl =
      options.webhookUrl === undefined ? undefined : checkWebhookUrl(options.webhookUrl, 'webhookUrl');
    this.faults = new FaultState(options.faults);
    this.deliveries = new DeliveryStore(deliveryRetention(options));
    const retryBaseMs = options.webhookRetryBaseMs ?? DEFAULTS.webhookRetryBaseMs;
    const timeoutMs = options.webhookTimeoutMs ?? DEFAULTS.webhookTimeoutMs;
    const concurrency = webhookConcurrency(options.webhookConcurrency);
    this.queue = new DeliveryQueue(this.deliveries, () => ({
      secret: this.secret,
      retryBaseMs,
      timeoutMs,
      webhookUrl: this.webhookUrl,
      concurrency,
    }));
    this.events = new EventService(
      this.deliveries,
      this.queue,
      () => this.webhookUrl,
      () => this.clock.now(),
    );
    this.labReportProcessor = new LabReportProcessor(this, labReportDelay(options.labReportDelayMs));

    const snapshot = options.dataFile ? loadSnapshot(options.dataFile) : undefined;
    if (snapshot) this.restore(snapshot);
    else for (const u of options.users ?? DEMO_USERS) this.users.create(u, this.clock.now());
    this.live = liveOptions
      ? new LiveMode(
          {
            seed: this.seed,
            clock: this.clock,
            users: () => this.users.list(),
            sendEvent: (type, body, sendOptions) => this.events.sendEvent(type, body, sendOptions),
            onSend: (listener) => this.events.onSend(listener),
            onAttempt: (listener) => this.queue.onAttempt(listener),
          },
          liveOptions,
        )
      : undefined;
    this.live?.start();

    if (options.dataFile) {
      this.writer = new SnapshotWriter(options.dataFile, () => this.snapshot());
      const schedule = () => this.writer?.schedule();
      for (const store of [this.users, this.deliveries, this.workouts, this.labReports, this.sessions]) {
        store.onChange(schedule);
      }
      this.writer.schedule();
    }
  }

  private restore(snapshot: Snapshot): void {
    for (const user of snapshot.users) this.users.restore(user);
    for (const delivery of snapshot.deliveries) {
      this.deliveries.add(delivery);
      // Deliveries cut off by the last shutdown resume, so a restart loses nothing.
      if (delivery.status === 'pending' || delivery.status === 'retrying') this.queue.enqueue(delivery);
    }
    this.workouts.restore(snapshot.workouts);
    this.labReports.restore(snapshot.labReports);
    // Reports cut off mid-processing by the last shutdown finish now, with their webhook.
    for (const report of this.labReports.list()) {
      if (report.session.current_status === 'processing') this.labReportProcessor.schedule(report);
    }
    for (const session of snapshot.sessions) this.sessions.restore(session);
  }

  /** What the data file holds. */
  snapshot(): Snapshot {
    return {
      version: 2,
      users: this.users.list(),
      deliveries: this.deliveries.list(),
      workouts: this.workouts.snapshot(),
      labReports: this.labReports.snapshot(),
      sessions: this.sessions.list(),
    };
  }

  /** Creates a connected user (control API, CLI, connect flow). */
  createUser(input: NewUser): TerraUser {
    if (typeof input.provider !== 'string' || input.provider.trim() === '') {
      throw badRequest('provider is required (e.g. "GARMIN")');
    }
    if (input.user_id !== undefined && this.users.get(input.user_id)) {
      throw badRequest(`user_id ${input.user_id} already exists`);
    }
    return this.users.create(input, this.clock.now());
  }

  /** The user, or a 404 problem naming the id. */
  requireUser(userId: string): TerraUser {
    const user = this.users.get(userId);
    if (!user) throw notFound(`user not found: no user with user_id ${userId}`);
    return user;
  }

  /** A live connect session by id (undefined when unknown or expired). */
  getSession(sessionId: string): ConnectSession | undefined {
    return this.sessions.get(sessionId);
  }

  /**
   * Completes a connect flow: creates the user (with the id authenticateUser promised, if any),
   * sends the `auth` success event, and ends the session.
   */
  connectUser(sessionId: string, provider: string): { user: TerraUser; delivery: Delivery } {
    const session = this.sessions.get(sessionId);
    if (!session) throw notFound(`widget session not found or expired: ${sessionId}`);
    const input: NewUser = { provider, reference_id: session.reference_id };
    if (session.user_id) input.user_id = session.user_id;
    const user = this.createUser(input);
    this.sessions.delete(sessionId);
    const delivery = this.events.sendEvent('auth', authSuccessBody(user, session.session_id), { user });
    return { user, delivery };
  }

  /** Ends a connect flow that failed or was cancelled, sending `auth_cancelled`. */
  cancelConnect(sessionId: string, reason = 'auth_cancelled'): Delivery {
    const session = this.sessions.get(sessionId);
    if (!session) throw notFound(`widget session not found or expired: ${sessionId}`);
    this.sessions.delete(sessionId);
    return this.events.sendEvent(
      'auth_cancelled',
      authCancelledBody(session.reference_id, reason, sessionId),
    );
  }

  /** Deletes a user and sends `deauth` (DELETE auth/deauthenticateUser). */
  deauthenticate(userId: string): Delivery {
    const user = this.requireUser(userId);
    this.removeUser(user);
    return this.events.sendEvent('deauth', deauthBody(user), { user });
  }

  /** Removes a user without any event (its rate-limit budget goes with it). */
  removeUser(user: TerraUser): void {
    this.users.delete(user.user_id);
    this.rateLimiter.forget(user.user_id);
  }

  /**
   * Fires an event about a user on demand, with the side effects the real event implies
   * (see `webhooks/trigger.ts`).
   */
  triggerEvent(type: TriggerableEvent, userId: string): Delivery {
    return triggerUserEvent(this, type, this.requireUser(userId));
  }

  /** The generator context for a user. */
  generatorContext(user: TerraUser): GeneratorContext {
    return { seed: this.seed, user };
  }

  /** The sandbox clock's now, epoch ms. */
  now(): number {
    return this.clock.now();
  }

  /** Moves the clock forward by `ms`; resolves once live mode (when on) has sent everything due by then. */
  async advanceClock(ms: number): Promise<void> {
    this.clock.advance(ms);
    await this.live?.catchUp();
  }

  /** Live mode, or a {@link LiveModeOffError} naming `what` needed it. */
  requireLive(what: string): LiveMode {
    if (!this.live) throw new LiveModeOffError(what);
    return this.live;
  }

  /** Records of `type` for one local day, as they stand at the clock's now. */
  recordsForDay(type: DataType, user: TerraUser, day: string, withSamples: boolean): unknown[] {
    return recordsForDay(type, this.generatorContext(user), day, { withSamples, now: this.clock.now() });
  }

  /** The athlete profile of a user. */
  athlete(user: TerraUser): unknown {
    return athleteFor(this.generatorContext(user));
  }

  /**
   * Runs work that happens after the response (webhook data, lab report processing). A failure
   * there has no request to answer, so it is reported on stderr rather than crashing the server.
   */
  runBackground(what: string, work: () => void): void {
    try {
      work();
    } catch (err) {
      process.stderr.write(`terra-sandbox: ${what} failed: ${(err as Error)?.stack ?? String(err)}\n`);
    }
  }

  /** Stops webhook delivery and writes the data file one last time. */
  async close(): Promise<void> {
    this.live?.close();
    this.queue.close();
    this.labReportProcessor.close();
    this.writer?.schedule();
    await this.writer?.flush();
  }
}

function checkStoreView(view: StoreView | undefined): StoreView | undefined {
  if (view === undefined) return undefined;
  if (view === null || typeof view !== 'object' || typeof view.records !== 'function') {
    throw new TypeError(
      'storeView must be an object with a records(userId, type) function returning a promise of the records the store holds',
    );
  }
  return view;
}

function positiveWhole(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new RangeError(`${name} must be a whole number, 1 or more; got ${String(value)}`);
  }
  return value;
}

function deliveryRetention(options: SandboxOptions): DeliveryRetention {
  return {
    maxDeliveries: positiveWhole('maxDeliveries', options.maxDeliveries, DEFAULTS.maxDeliveries),
    maxBytes: positiveWhole('maxDeliveryBytes', options.maxDeliveryBytes, DEFAULTS.maxDeliveryBytes),
  };
}

function labReportDelay(value: number | undefined): number {
  if (value === undefined) return DEFAULTS.labReportDelayMs;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new RangeError(
      `labReportDelayMs must be a number of milliseconds, 0 or more; got ${String(value)}`,
    );
  }
  return value;
}

function webhookConcurrency(value: number | undefined): number {
  if (value === undefined) return DEFAULTS.webhookConcurrency;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 64) {
    throw new RangeError(
      `webhookConcurrency must be a whole number from 1 (one delivery at a time) to 64; got ${String(value)}`,
    );
  }
  return value;
}
