import { isDeepStrictEqual } from 'node:util';
import { type Sandbox, startSandbox } from 'terra-sandbox';
import { openStore, type StoredDataType, type TerraStore } from 'terra-store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { naturalKey } from '../support/natural-keys.js';
import { type PostgresCluster, startPostgresCluster } from '../support/postgres-cluster.js';
import { type RoundRobinFront, startRoundRobinFront } from '../support/round-robin-front.js';
import {
  killScaleProcess,
  type ScaleProcess,
  startScaleProcess,
  stopScaleProcess,
} from '../support/scale-processes.js';

// Default: two dozen users for five simulated days (~3,500 deliveries with the chaos copies), about a minute
// on a 2-core machine shared with other work; TERRA_LONG_TESTS=1 (CI): three dozen users for two weeks
// (~14,500 deliveries, about two minutes; CI's whole run must stay under 25 minutes). CHAOS_USERS and
// CHAOS_DAYS override both (e.g. CHAOS_DAYS=90 for months of data when there is time).
const LONG = process.env.TERRA_LONG_TESTS === '1';
const USERS = Number(process.env.CHAOS_USERS ?? (LONG ? 36 : 24));
const DAYS = Number(process.env.CHAOS_DAYS ?? (LONG ? 14 : 5));
const STEP_MS = 6 * 3_600_000;
const SECRET = 'chaos-test-signing-secret';
const PROVIDERS = ['GARMIN', 'FITBIT', 'OURA', 'WHOOP', 'POLAR', 'WITHINGS'];

/** A process slot: the process now running in it, restarted after a kill (or an unplanned exit). */
interface Slot {
  readonly role: 'receiver' | 'worker';
  readonly env: Record<string, string>;
  proc: ScaleProcess;
  /** Exits nobody asked for (with when they happened), which the supervisor restarted. */
  readonly unplanned: number[];
  killing: boolean;
  restarting: Promise<void> | undefined;
}

async function startSlot(role: Slot['role'], env: Record<string, string>): Promise<Slot> {
  const proc = await startScaleProcess({ ...env, ROLE: role });
  const slot: Slot = { role, env, proc, unplanned: [], killing: false, restarting: undefined };
  supervise(slot);
  return slot;
}

/** Restarts a process that exited on its own, as systemd or Kubernetes would. */
function supervise(slot: Slot): void {
  const proc = slot.proc;
  void proc.exited.then(() => {
    if (slot.killing || slot.proc !== proc || stopping) return;
    slot.unplanned.push(Date.now());
    slot.restarting = restart(slot);
  });
}

/**
 * Starts the slot's process again; a start that fails (the server still "starting up" after its restart) is
 * retried every second for up to a minute, as a supervisor's restart policy would.
 */
async function restart(slot: Slot): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      slot.proc = await startScaleProcess({ ...slot.env, ROLE: slot.role });
      supervise(slot);
      return;
    } catch (error) {
      if (stopping || attempt >= 60) throw error;
      slot.unplanned.push(Date.now());
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
}

/** SIGKILLs the slot's process and starts it again (a receiver on the same port). */
async function killAndRestart(slot: Slot): Promise<void> {
  await slot.restarting;
  slot.killing = true;
  await killScaleProcess(slot.proc);
  slot.killing = false;
  await restart(slot);
}

let stopping = false;

describe('chaos: three receivers, two workers, one PostgreSQL server, the live sandbox with delivery chaos', () => {
  let cluster: PostgresCluster;
  let store: TerraStore;
  let sandbox: Sandbox;
  let front: RoundRobinFront;
  const receivers: Slot[] = [];
  const workers: Slot[] = [];

  beforeAll(async () => {
    cluster = await startPostgresCluster();
    store = await openStore({ database: cluster.url, processing: 'workers', maxConnections: 2 });
    // The throwaway cluster commits asynchronously for speed; an acknowledgement is only durable when its
    // COMMIT waits for the WAL, and this test stops the server the hard way. (Sessions opened from now on.)
    await store.db.query('ALTER DATABASE postgres SET synchronous_commit = on');
    const env = { STORE_DATABASE: cluster.url, STORE_SECRET: SECRET };
    for (let i = 0; i < 3; i++) {
      const slot = await startSlot('receiver', { ...env, PORT: '0' });
      (slot.env as Record<string, string>).PORT = new URL(slot.proc.ready).port;
      receivers.push(slot);
    }
    for (let i = 0; i < 2; i++)
      workers.push(await startSlot('worker', { ...env, LEASE_MS: '3000', POLL_MS: '500' }));
    front = await startRoundRobinFront(receivers.map((r) => r.proc.ready));
    sandbox = await startSandbox({
      port: 0,
      secret: SECRET,
      seed: 23,
      users: Array.from({ length: USERS }, (_, i) => ({
        provider: PROVIDERS[i % PROVIDERS.length] as string,
        user_id: `chaos-user-${i}`,
      })),
      clock: { start: Date.parse('2026-01-05T00:00:00Z'), speed: 0 },
      live: { withSamples: false, chaos: true },
      webhookUrl: front.url,
      webhookConcurrency: 6,
      webhookRetryBaseMs: 250,
      webhookTimeoutMs: 20_000,
      maxDeliveries: 200,
    });
  });
  afterAll(async () => {
    stopping = true;
    await sandbox?.close();
    await front?.close();
    for (const slot of [...receivers, ...workers]) await stopScaleProcess(slot.proc);
    await store?.close();
    await cluster?.stop();
  });

  it('ends with the store equal to the ground truth after SIGKILLed receivers and workers and a PostgreSQL restart', {
    timeout: LONG ? 420_000 : 300_000,
  }, async () => {
    const steps = DAYS * 4;
    const pick = (from: number, to: number) => Math.floor(from + Math.random() * (to - from));
    const chaos = new Map<number, () => Promise<void>>();
    let restartedAt = 0;
    const plan = {
      receiverKills: [pick(2, steps / 3), pick((2 * steps) / 3, steps - 1)],
      workerKills: [pick(steps / 3, steps / 2), pick(steps / 2, steps - 1)],
      postgresRestart: pick(steps / 3, (2 * steps) / 3),
    };
    console.log(`chaos plan over ${steps} steps of 6 h: ${JSON.stringify(plan)}`);
    for (const step of plan.receiverKills)
      chaos.set(step, () => killAndRestart(receivers[pick(0, 3)] as Slot));
    for (const step of plan.workerKills) {
      const before = chaos.get(step);
      chaos.set(step, async () => {
        await before?.();
        await killAndRestart(workers[pick(0, 2)] as Slot);
      });
    }
    const beforeRestart = chaos.get(plan.postgresRestart);
    chaos.set(plan.postgresRestart, async () => {
      await beforeRestart?.();
      restartedAt = Date.now();
      await cluster.restart({ downMs: 1000 });
    });

    const running: Array<Promise<void>> = [];
    const started = Date.now();
    for (let step = 0; step < steps; step++) {
      const event = chaos.get(step);
      if (event) running.push(event());
      await sandbox.clock.advance(STEP_MS);
      if (step % 8 === 7) {
        const { deliveries } = sandbox.groundTruth();
        const { depth, processed } = await store.inboxHealth().catch(() => ({ depth: -1, processed: -1 }));
        console.log(
          `step ${step + 1}/${steps} at ${Math.round((Date.now() - started) / 1000)} s: ${deliveries.sent} sent, ${deliveries.acknowledged} acknowledged, ${deliveries.inFlight} in flight; inbox ${processed} processed, ${depth} waiting`,
        );
      }
    }
    await Promise.all(running);
    await sandbox.liveSettled(LONG ? 240_000 : 150_000);
    const deadline = Date.now() + 120_000;
    for (let health = await store.inboxHealth(); health.depth > 0; health = await store.inboxHealth()) {
      if (Date.now() > deadline)
        throw new Error(`the workers left ${health.depth} rows: ${JSON.stringify(health)}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const truth = sandbox.groundTruth({ includeDeliveries: true, acknowledgedOnly: true });
    const health = await store.inboxHealth();
    const unplanned = [...receivers, ...workers].flatMap((s) =>
      s.unplanned.map((at) => `${s.role} +${at - restartedAt} ms`),
    );
    console.log(
      `chaos run: ${truth.deliveries.sent} deliveries (${truth.deliveries.acknowledged} acknowledged, ${truth.deliveries.failed} failed), ` +
        `${truth.records.length} records, ${health.processed} inbox rows, in ${Math.round((Date.now() - started) / 1000)} s; ` +
        `unplanned exits after the PostgreSQL restart: ${unplanned.join(', ') || 'none'}`,
    );

    // Nothing was given up on, nothing is dead, and every acknowledged delivery is in the inbox.
    expect(truth.deliveries.failed).toBe(0);
    expect(truth.deliveries.inFlight).toBe(0);
    expect(health).toMatchObject({ depth: 0, dead: 0 });
    const traces = new Set(
      (await store.db.query<{ trace_id: string }>('SELECT DISTINCT trace_id FROM terra_inbox')).map(
        (r) => r.trace_id,
      ),
    );
    const missing = (truth.acknowledgedDeliveries ?? []).filter((d) => !traces.has(d.traceId));
    expect(missing).toEqual([]);
    expect(truth.acknowledgedDeliveries?.length).toBe(truth.deliveries.acknowledged);

    // Every natural key once, every record equal to the newest version sent.
    const expected = new Map<string, unknown>();
    for (const r of truth.records) expected.set(`${r.type} ${r.userId} ${r.key}`, r.record);
    const stored = new Map<string, unknown>();
    let storedRows = 0;
    for (let i = 0; i < USERS; i++) {
      const userId = `chaos-user-${i}`;
      for (const type of [
        'activity',
        'sleep',
        'daily',
        'body',
        'nutrition',
        'menstruation',
      ] as StoredDataType[]) {
        for (const record of await store.records(type, userId)) {
          storedRows++;
          stored.set(
            `${type} ${userId} ${naturalKey(type, record as Parameters<typeof naturalKey>[1])}`,
            record,
          );
        }
      }
      const athlete = await store.latest('athlete', userId);
      if (athlete !== undefined) {
        storedRows++;
        stored.set(`athlete ${userId} ${userId}`, athlete);
      }
    }
    expect(storedRows).toBe(stored.size);
    expect([...stored.keys()].sort()).toEqual([...expected.keys()].sort());
    // jsonb keeps its own key order, so records compare as values, not as text.
    const unequal = [...expected].filter(([key, record]) => !isDeepStrictEqual(stored.get(key), record));
    expect(unequal.map(([key]) => key)).toEqual([]);
    for (const [key, record] of expected) expect(stored.get(key), key).toEqual(record);
    // A process only ever exited on its own right after the PostgreSQL restart (see the deployment notes).
    for (const slot of [...receivers, ...workers])
      for (const at of slot.unplanned) expect(at - restartedAt).toBeLessThan(60_000);
  });
});
