// terra-store at scale (issue 14): three receiver processes and 1, 2 or 4 worker processes on one
// PostgreSQL 15 server started by the suite; sustained ingest (records/s, ack -> queryable lag, CPU per record
// in each kind of process) and a burst of signed deliveries (all acknowledged, time to drain, peak memory).
import postgres from 'postgres';
import { openStore } from 'terra-store';
import { generateTestSignatureHeader } from 'terra-ts/testing';
import { dataPayload, sleepRecord } from '../../../../packages/terra-store/test/support/payloads.js';
import { startPostgresCluster } from '../../../../packages/terra-store/test/support/postgres-cluster.js';
import {
  type ScaleProcess,
  startScaleProcess,
  stopScaleProcess,
} from '../../../../packages/terra-store/test/support/scale-processes.js';
import type { BenchConfig } from '../../config.js';
import { nowMs } from '../../harness/clock.js';
import { loadNow } from '../../harness/machine.js';
import { type Group, groupOf, type SuiteResult } from '../../harness/result.js';
import type { SignedDelivery } from '../store/deliveries.js';
import { postAll } from '../store/post.js';
import { cpuMs, peakRssMb, postmasterPid, serverCpuMs } from './proc-stats.js';

const SECRET = 'bench-store-scale-signing-secret';
const RECEIVERS = 3;

/** `count` single-record sleep deliveries over 50 users, signed now. */
async function signedDeliveries(count: number, run: string): Promise<SignedDelivery[]> {
  const out: SignedDelivery[] = [];
  const now = Date.now();
  for (let i = 0; i < count; i++) {
    const body = dataPayload('sleep', `${run}-user-${i % 50}`, [sleepRecord(`${run}-${i}`, '2026-03-01', 1)]);
    out.push({
      body,
      headers: {
        'content-type': 'application/json',
        'terra-signature': await generateTestSignatureHeader({ payload: body, secret: SECRET }),
        'x-terra-trace-id': `${run}:${i}`,
        'x-terra-ordering-timestamp': String(now + i),
      },
    });
  }
  return out;
}

/** Posts the deliveries round-robin over the receivers, `inFlight` at once per receiver. */
async function postRoundRobin(
  receivers: readonly ScaleProcess[],
  deliveries: readonly SignedDelivery[],
  inFlight: number,
) {
  await Promise.all(
    receivers.map((r, k) =>
      postAll(
        `${r.ready}/webhooks`,
        deliveries.filter((_, i) => i % receivers.length === k),
        inFlight,
      ),
    ),
  );
}

interface Rig {
  readonly database: string;
  readonly receivers: ScaleProcess[];
  readonly workers: ScaleProcess[];
  readonly store: Awaited<ReturnType<typeof openStore>>;
  close(): Promise<void>;
}

async function startRig(url: string, name: string, workerCount: number): Promise<Rig> {
  const admin = postgres(url, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = target.toString();
  const store = await openStore({ database, processing: 'workers', maxConnections: 2 });
  const env = { STORE_DATABASE: database, STORE_SECRET: SECRET };
  const receivers = await Promise.all(
    Array.from({ length: RECEIVERS }, () => startScaleProcess({ ...env, ROLE: 'receiver' })),
  );
  const workers = await Promise.all(
    Array.from({ length: workerCount }, () => startScaleProcess({ ...env, ROLE: 'worker', POLL_MS: '500' })),
  );
  return {
    database,
    receivers,
    workers,
    store,
    async close() {
      for (const p of [...receivers, ...workers]) await stopScaleProcess(p);
      await store.close();
    },
  };
}

async function drained(rig: Rig, timeoutMs: number): Promise<void> {
  const deadline = nowMs() + timeoutMs;
  while ((await rig.store.inboxHealth()).depth > 0) {
    if (nowMs() > deadline) throw new Error(`the workers did not drain the inbox within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const cpuOf = (procs: readonly ScaleProcess[]) => procs.reduce((n, p) => n + cpuMs(p.child.pid as number), 0);

/** Sustained ingest, burst, and what they cost, on a server of its own. */
export async function storeScaleSuite(config: BenchConfig): Promise<SuiteResult> {
  const loadStart = loadNow();
  const sustained = config.quick ? 300 : 3000;
  const burst = config.quick ? 500 : 10_000;
  const cluster = await startPostgresCluster();
  const postmaster = postmasterPid(Number(new URL(cluster.url).port));
  if (!postmaster) throw new Error('the PostgreSQL server of the scale suite was not found in /proc');
  const rates = new Map<string, number[]>();
  const lagMedian = new Map<string, number[]>();
  const lagP99 = new Map<string, number[]>();
  const cpu = {
    receivers: new Map<string, number[]>(),
    workers: new Map<string, number[]>(),
    postgres: new Map<string, number[]>(),
  };
  const notes: string[] = [];
  try {
    for (const workerCount of [1, 2, 4]) {
      const label = `${workerCount} worker${workerCount > 1 ? 's' : ''}`;
      const rig = await startRig(cluster.url, `scale_sustained_${workerCount}`, workerCount);
      try {
        const deliveries = await signedDeliveries(sustained, `w${workerCount}`);
        const before = { r: cpuOf(rig.receivers), w: cpuOf(rig.workers), pg: serverCpuMs(postmaster) };
        const start = nowMs();
        await postRoundRobin(rig.receivers, deliveries, 4);
        await drained(rig, 300_000);
        const ms = nowMs() - start;
        rates.set(label, [(sustained * 1000) / ms]);
        cpu.receivers.set(label, [((cpuOf(rig.receivers) - before.r) * 1000) / sustained]);
        cpu.workers.set(label, [((cpuOf(rig.workers) - before.w) * 1000) / sustained]);
        cpu.postgres.set(label, [((serverCpuMs(postmaster) - before.pg) * 1000) / sustained]);
        const [lag] = await rig.store.db.query<{ p50: number; p99: number }>(
          `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY lag)::float8 AS p50,
                  percentile_cont(0.99) WITHIN GROUP (ORDER BY lag)::float8 AS p99
           FROM (SELECT extract(epoch FROM processed_at - received_at) * 1000 AS lag FROM terra_inbox) AS l`,
        );
        lagMedian.set(label, [Number(lag?.p50)]);
        lagP99.set(label, [Number(lag?.p99)]);
      } finally {
        await rig.close();
      }
    }
    const rig = await startRig(cluster.url, 'scale_burst', 2);
    try {
      const deliveries = await signedDeliveries(burst, 'burst');
      const start = nowMs();
      await postRoundRobin(rig.receivers, deliveries, 32);
      const acknowledged = nowMs() - start;
      await drained(rig, 600_000);
      const drainedMs = nowMs() - start;
      const health = await rig.store.inboxHealth();
      const memory = [
        ...rig.receivers.map((p) => `receiver ${peakRssMb(p.child.pid as number).toFixed(0)} MB`),
        ...rig.workers.map((p) => `worker ${peakRssMb(p.child.pid as number).toFixed(0)} MB`),
      ];
      notes.push(
        `Burst: ${burst.toLocaleString('en-US')} signed single-record deliveries, 32 in flight per receiver into ${RECEIVERS} receivers, 2 workers: ` +
          `all ${health.processed.toLocaleString('en-US')} acknowledged (200) in ${(acknowledged / 1000).toFixed(1)} s, inbox drained after ${(drainedMs / 1000).toFixed(1)} s, ${health.dead} dead; ` +
          `peak memory (VmHWM) ${memory.join(', ')}.`,
      );
    } finally {
      await rig.close();
    }
  } finally {
    await cluster.stop();
  }
  const groups: Group[] = [
    groupOf(
      `Sustained ingest: ${sustained} deliveries (one record each) into ${RECEIVERS} receivers, posted until drained`,
      'records/s',
      '1 worker',
      rates,
    ),
    groupOf(
      'Acknowledged -> queryable lag (processed_at - received_at), median',
      'ms',
      '1 worker',
      lagMedian,
    ),
    groupOf('Acknowledged -> queryable lag, p99', 'ms', '1 worker', lagP99),
    groupOf('CPU per record in the receivers (all three)', 'µs', '1 worker', cpu.receivers),
    groupOf('CPU per record in the workers (all of them)', 'µs', '1 worker', cpu.workers),
    groupOf('CPU per record in PostgreSQL (every backend)', 'µs', '1 worker', cpu.postgres),
  ];
  notes.push(
    `Load average at the start: ${loadStart}; the machine's cores are shared by the receivers, the workers, PostgreSQL and the poster, so more workers mostly add contention on 2 cores: read the CPU per record, not only the rate.`,
  );
  return {
    id: 'store-scale',
    title: 'terra-store at scale: receivers and worker processes on one PostgreSQL',
    groups,
    checks: [],
    notes,
  };
}
