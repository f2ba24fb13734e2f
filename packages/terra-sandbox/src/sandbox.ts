import type { AddressInfo } from 'node:net';
import { exposedWarning } from './exposed-warning.js';
import type { FaultConfig } from './faults/types.js';
import { HostPolicy, isLoopbackHost } from './http/host-check.js';
import type { GroundTruth, GroundTruthOptions } from './live/ground-truth.js';
import type { SandboxClock } from './live/sandbox-clock.js';
import { DEFAULTS, type SandboxOptions } from './options.js';
import { SandboxRuntime } from './runtime.js';
import { buildRouter, createSandboxServer } from './server.js';
import type { Delivery, NewUser, TerraUser } from './state/types.js';
import type { TriggerableEvent } from './webhooks/event-payloads.js';
import { checkWebhookUrl } from './webhooks/webhook-url.js';

/** A running sandbox. Everything the control API can do is also a method here. */
export interface Sandbox {
  /** Origin, e.g. `http://127.0.0.1:4610`. */
  readonly url: string;
  /** Terra API base URL: `url + '/v2'` (also served under `/api/v2`). */
  readonly baseUrl: string;
  /** The x-api-key the sandbox accepts. */
  readonly apiKey: string;
  /** The dev-id the sandbox accepts. */
  readonly devId: string;
  /** The webhook signing secret. */
  readonly secret: string;
  /** Where webhooks go, if configured. */
  readonly webhookUrl: string | undefined;
  /** Connects a user directly (no widget), returning the wire user. */
  createUser(input: NewUser): TerraUser;
  /** Removes a user without sending any event; true when it existed. */
  deleteUser(userId: string): boolean;
  /** All connected users. */
  users(): TerraUser[];
  /** Sends an event about a user now (deauth also removes the user, user_reauth replaces it). */
  triggerEvent(type: TriggerableEvent, userId: string): Delivery;
  /** Every delivery so far, oldest first. */
  deliveries(): Delivery[];
  /** Replaces the global fault modes; `{}` switches them off. */
  setFaults(faults: FaultConfig): void;
  /** The global fault modes in force (with `times` left). */
  faults(): FaultConfig;
  /**
   * Changes (or with `undefined`, removes) the webhook URL. The sandbox POSTs to whatever http(s) URL it is
   * given, loopback or not; any other scheme throws a `TypeError` saying so.
   */
  setWebhookUrl(url: string | undefined): void;
  /**
   * Resolves with all deliveries once `predicate` holds for them; rejects after `timeoutMs`
   * (default 10 s) with the deliveries' states in the message.
   */
  waitForDeliveries(predicate: (deliveries: Delivery[]) => boolean, timeoutMs?: number): Promise<Delivery[]>;
  /** The sandbox's clock (option `clock`): read it, or move it forward with `advance`. */
  readonly clock: SandboxClock;
  /**
   * Live mode's ground truth: the newest version sent of every record, one per natural key
   * (activity and sleep by `summary_id`, daily, body, nutrition and menstruation by user and local
   * date, athlete by user), and how many deliveries the receiver acknowledged. With
   * `includeDeliveries`, every acknowledged delivery too; with `acknowledgedOnly`, the newest
   * acknowledged version per key. Throws a `LiveModeOffError` unless live mode is on.
   */
  groundTruth(options?: GroundTruthOptions): GroundTruth;
  /**
   * Resolves once live mode has sent everything due by the clock's now and every delivery made
   * since it started has been answered 2xx or given up on; rejects after `timeoutMs` (default
   * 10 s) saying how many are still unanswered. Throws a `LiveModeOffError` unless live mode is on.
   */
  liveSettled(timeoutMs?: number): Promise<void>;
  /** Stops the server and webhook delivery, and writes the data file. */
  close(): Promise<void>;
}

/**
 * Starts a local Terra: every v2 endpoint under `/v2` and `/api/v2`, signed webhooks, the connect
 * widget and dashboard, fault modes and a control API.
 *
 * @example
 * ```ts
 * const sandbox = await startSandbox({ port: 0, webhookUrl: 'http://127.0.0.1:3000/hooks' });
 * const terra = new Terra({ apiKey: sandbox.apiKey, devId: sandbox.devId, baseUrl: sandbox.baseUrl });
 * await sandbox.close();
 * ```
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const runtime = new SandboxRuntime(options);
  const host = options.host ?? DEFAULTS.host;
  const server = createSandboxServer(
    runtime,
    buildRouter(runtime),
    new HostPolicy(host, options.allowedHosts),
  );
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? DEFAULTS.port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (err) {
    // Not listening means not running: stop any deliveries resumed from the data file.
    await runtime.close();
    throw err;
  }
  const { port } = server.address() as AddressInfo;
  if (!isLoopbackHost(host)) process.stderr.write(exposedWarning(host, port));
  const urlHost = host.includes(':') ? `[${host}]` : host;
  runtime.origin = `http://${urlHost}:${port}`;
  let closing: Promise<void> | undefined;

  return {
    url: runtime.origin,
    baseUrl: `${runtime.origin}/v2`,
    apiKey: runtime.apiKey,
    devId: runtime.devId,
    secret: runtime.secret,
    get webhookUrl() {
      return runtime.webhookUrl;
    },
    createUser: (input) => runtime.createUser(input),
    deleteUser: (userId) => {
      return runtime.users.delete(userId);
    },
    users: () => runtime.users.list(),
    triggerEvent: (type, userId) => runtime.triggerEvent(type, userId),
    deliveries: () => runtime.deliveries.list(),
    setFaults: (faults) => runtime.faults.set(faults),
    faults: () => runtime.faults.current(),
    setWebhookUrl: (url) => {
      runtime.webhookUrl = url === undefined ? undefined : checkWebhookUrl(url, 'setWebhookUrl(url)');
    },
    waitForDeliveries: (predicate, timeoutMs = 10_000) => runtime.deliveries.waitFor(predicate, timeoutMs),
    clock: {
      now: () => runtime.clock.now(),
      speed: runtime.clock.speed,
      advance: (ms) => runtime.advanceClock(ms),
    },
    groundTruth: (groundTruthOptions) =>
      runtime.requireLive('the ground truth').groundTruth(groundTruthOptions),
    liveSettled: (timeoutMs) => runtime.requireLive('liveSettled').settled(timeoutMs),
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }).then(() => runtime.close());
      return closing;
    },
  };
}
