import type { FaultConfig } from './faults/types.js';
import type { ClockOptions } from './live/clock.js';
import type { LiveOptions } from './live/options.js';
import type { StoreView } from './store-view/types.js';

/** A user to have connected when the sandbox starts. */
export interface InitialUser {
  provider: string;
  user_id?: string;
  reference_id?: string;
}

/** Options of {@link startSandbox}. Every field is optional. */
export interface SandboxOptions {
  /** Port to listen on; 0 picks a free one (tests). Default 4610. */
  port?: number;
  /**
   * Interface to bind. Default 127.0.0.1. Anything but a loopback address makes the sandbox (test
   * credentials, data, the control API) reachable from the network, and it warns on stderr.
   */
  host?: string;
  /**
   * Extra names the sandbox answers to in the `Host` header, besides loopback names and the bound
   * address (e.g. `host.docker.internal`). Other names get 421, which stops DNS rebinding.
   */
  allowedHosts?: string[];
  /** The x-api-key clients must send. Default 'sandbox-api-key'. */
  apiKey?: string;
  /** The dev-id clients must send. Default 'sandbox-dev-id'. */
  devId?: string;
  /** Webhook signing secret. Default 'sandbox-signing-secret'. */
  secret?: string;
  /** Where data and events are delivered; without it `to_webhook=true` answers 400. */
  webhookUrl?: string;
  /** Seed of the data generators: data is a pure function of (seed, user_id, day, type). Default 42. */
  seed?: number;
  /**
   * JSON file that keeps state across restarts: users, deliveries, workout templates, planned workouts,
   * lab reports (with their files) and connect sessions.
   */
  dataFile?: string;
  /** Users connected at start; default three demo users (GARMIN, OURA, FITBIT). Pass `[]` for none. */
  users?: InitialUser[];
  /** Global fault modes from the start. */
  faults?: FaultConfig;
  /** First webhook retry waits this long, doubling each time (Terra: 30 s; default 1000 ms). */
  webhookRetryBaseMs?: number;
  /** How long a webhook receiver may take to answer. Default 8000 ms. */
  webhookTimeoutMs?: number;
  /**
   * Webhook deliveries in flight at once (1 to 64). Default 1: one after another, in order, so a large
   * request's `large_request_sending` arrives before its chunks. More feeds several receivers behind a load
   * balancer (each delivery still starts in order; answers come back in any order, as from Terra at scale).
   */
  webhookConcurrency?: number;
  /** How long an uploaded lab report stays `processing` before it completes (0 = at once). Default 200 ms. */
  labReportDelayMs?: number;
  /**
   * The sandbox's clock: where it starts and how fast it runs (`{ start, speed }`; default the wall
   * clock). Data is served as of its now: today holds what has happened so far, a workout or a night
   * only once it has ended. `speed: 0` stops it, so only `sandbox.clock.advance()` moves it (tests).
   */
  clock?: ClockOptions;
  /**
   * Live mode: as the clock passes each user's device syncs, send data webhooks the way Terra does
   * after a provider sync (today's daily and body revised through the day, a workout when it ends,
   * a night when the user wakes), with optional delivery chaos, and keep the ground truth
   * (`sandbox.groundTruth()`). `true` for the defaults. Default off.
   */
  live?: boolean | LiveOptions;
  /**
   * Most webhook deliveries kept for the dashboard, the control API and the data file; past it the oldest
   * delivered or failed ones are dropped (the dashboard says how many). Default 1000.
   */
  maxDeliveries?: number;
  /** Most payload bytes kept across deliveries, dropped the same way. Default 64 MiB. */
  maxDeliveryBytes?: number;
  /**
   * A store that keeps what the webhooks delivered (terra-store or your own): the dashboard then shows,
   * per user and data type, what the sandbox sent beside what the store holds, and what is missing,
   * stale or extra. The sandbox only calls its `records`; it never imports a store. Default none.
   */
  storeView?: StoreView;
}

/** Defaults shared by `startSandbox` and the `terra-sandbox` command. */
export const DEFAULTS = {
  port: 4610,
  host: '127.0.0.1',
  apiKey: 'sandbox-api-key',
  devId: 'sandbox-dev-id',
  secret: 'sandbox-signing-secret',
  seed: 42,
  webhookRetryBaseMs: 1000,
  webhookTimeoutMs: 8000,
  webhookConcurrency: 1,
  labReportDelayMs: 200,
  maxDeliveries: 1000,
  maxDeliveryBytes: 64 * 1024 * 1024,
} as const;

/** The pre-connected demo users: fixed ids so docs, tests and the CLI can name them. */
export const DEMO_USERS: readonly Required<InitialUser>[] = [
  { provider: 'GARMIN', user_id: 'a8f1c2d4-5b6e-4f70-8a91-0b2c3d4e5f01', reference_id: 'demo-garmin' },
  { provider: 'OURA', user_id: 'b9e2d3c5-6c7f-4081-9ba2-1c3d4e5f6a02', reference_id: 'demo-oura' },
  { provider: 'FITBIT', user_id: 'c0f3e4d6-7d80-4192-acb3-2d4e5f6a7b03', reference_id: 'demo-fitbit' },
];
