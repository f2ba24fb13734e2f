// Ingest: signed data webhooks over real HTTP on 127.0.0.1 into each contender, 1 and 64 in flight.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Database, openPgliteDatabase, openStore } from 'terra-store';
import type { BenchConfig } from '../../config.js';
import { copyReceiver } from '../../contenders/store/copy-floor.js';
import { naivePgliteReceiver, naivePgReceiver } from '../../contenders/store/naive.js';
import type { Receiver } from '../../contenders/store/receiver.js';
import { terraStoreReceiver } from '../../contenders/store/terra-store.js';
import { nowMs } from '../../harness/clock.js';
import { formatRatio } from '../../harness/format.js';
import { turnOrder } from '../../harness/interleave.js';
import { type Check, type Group, groupOf, rowOf } from '../../harness/result.js';
import { signWorkload, type Workload } from './deliveries.js';
import type { LatencyProxy } from './latency-proxy.js';
import { postAll } from './post.js';
import type { BenchServer } from './postgres-server.js';

/** Contender names, as the tables show them. */
export const NAIVE = 'naive pg: INSERT ... ON CONFLICT per record, one transaction per delivery';
export const NAIVE_PGLITE = 'naive: INSERT ... ON CONFLICT per record, one transaction per delivery';
export const COPY = 'floor: one COPY per delivery (postgres driver)';
export const STORE = 'terra-store createStoreNodeWebhookHandler (inbox row and records in one commit)';

/** The pool size every server contender gets (terra-store's default). */
const MAX_CONNECTIONS = 10;

interface Contender {
  readonly name: string;
  readonly receiver: Receiver;
}

interface IngestEngine {
  /** How the tables name it (the server, the server over a slower link, PGlite). */
  readonly engine: string;
  /** The short name the server's targets use ("server", "server over a 2 ms link"); absent on PGlite. */
  readonly targetsAs?: string;
  readonly contenders: readonly Contender[];
  readonly baseline: string;
  close(): Promise<void>;
}

async function migrated(database: string | Database): Promise<void> {
  const store = await openStore({ database, processing: 'workers' });
  await store.close();
}

/**
 * The three contenders on the server, each on its own database with terra-store's schema; with `link`,
 * every contender reaches the server through that delaying proxy instead of straight over loopback.
 */
export async function serverContenders(
  server: BenchServer,
  secret: string,
  link?: { proxy: LatencyProxy; label: string },
): Promise<IngestEngine> {
  const prefix = link === undefined ? 'ingest' : 'ingest_link';
  const direct = await Promise.all(
    [`${prefix}_naive`, `${prefix}_copy`, `${prefix}_store`].map((n) => server.createDatabase(n)),
  );
  const [naiveUrl, copyUrl, storeUrl] = direct.map((url) => (link === undefined ? url : link.proxy.via(url)));
  await migrated(naiveUrl as string);
  await migrated(copyUrl as string);
  const contenders = [
    { name: NAIVE, receiver: await naivePgReceiver(naiveUrl as string, secret, MAX_CONNECTIONS) },
    { name: COPY, receiver: await copyReceiver(copyUrl as string, secret, MAX_CONNECTIONS) },
    { name: STORE, receiver: await terraStoreReceiver(storeUrl as string, secret, MAX_CONNECTIONS) },
  ];
  return {
    engine: link === undefined ? 'PostgreSQL 15 server' : `PostgreSQL 15 server ${link.label}`,
    targetsAs: link === undefined ? 'server' : `server ${link.label}`,
    contenders,
    baseline: NAIVE,
    close: async () => {
      for (const c of contenders) await c.receiver.close();
    },
  };
}

/** terra-store and the naive code on embedded PGlite, each in its own directory on disk. */
export async function pgliteContenders(secret: string): Promise<IngestEngine> {
  const naiveDir = mkdtempSync(join(tmpdir(), 'terra-bench-naive-'));
  const naiveDb = await openPgliteDatabase(naiveDir);
  await migrated(naiveDb);
  const storeDir = mkdtempSync(join(tmpdir(), 'terra-bench-store-'));
  const contenders = [
    { name: NAIVE_PGLITE, receiver: await naivePgliteReceiver(naiveDb, secret) },
    { name: STORE, receiver: await terraStoreReceiver(storeDir, secret, 1) },
  ];
  return {
    engine: 'PGlite',
    contenders,
    baseline: NAIVE_PGLITE,
    close: async () => {
      for (const c of contenders) await c.receiver.close();
      await naiveDb.close();
      for (const dir of [naiveDir, storeDir]) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** What one engine's ingest measured. */
export interface IngestResult {
  readonly groups: Group[];
  readonly checks: Check[];
  /** Rows each contender stored for one run of each workload (they must agree). */
  readonly stored: string[];
}

/**
 * Measures every workload at every in-flight level: per run a fresh user, signed deliveries, then the time
 * until every answer (acknowledged) and until every record is queryable (terra-store processes after it
 * answers). Contenders take turns in the harness's shuffled order (`turnOrder`).
 */
export async function measureIngest(
  engine: IngestEngine,
  workloads: readonly Workload[],
  config: BenchConfig['store'],
  secret: string,
): Promise<IngestResult> {
  const groups: Group[] = [];
  const checks: Check[] = [];
  const stored: string[] = [];
  for (const workload of workloads) {
    const counts = new Map<string, number>();
    for (const inFlight of config.inFlight) {
      const acked = new Map<string, number[]>(engine.contenders.map((c) => [c.name, []]));
      const queryable = new Map<string, number[]>(engine.contenders.map((c) => [c.name, []]));
      for (let round = 0; round < config.warmup + config.rounds; round++) {
        for (const index of turnOrder(engine.contenders.length, round)) {
          const c = engine.contenders[index] as Contender;
          const { userId, deliveries } = await signWorkload(workload, secret);
          const start = nowMs();
          await postAll(c.receiver.url, deliveries, inFlight);
          const ackMs = nowMs() - start;
          await c.receiver.settle();
          const doneMs = nowMs() - start;
          if (!counts.has(c.name)) counts.set(c.name, await c.receiver.count(userId));
          if (round < config.warmup) continue;
          acked.get(c.name)?.push((deliveries.length * 1000) / ackMs);
          queryable.get(c.name)?.push((workload.records * 1000) / doneMs);
        }
      }
      const where = `${engine.engine}, ${inFlight} in flight, ${workload.label}`;
      groups.push(
        groupOf(`${where}: deliveries acknowledged per second`, 'deliveries/s', engine.baseline, acked),
        groupOf(`${where}: records queryable per second`, 'records/s', engine.baseline, queryable),
      );
      if (engine.targetsAs !== undefined) {
        const records = groups[groups.length - 1] as Group;
        const store = rowOf(records, STORE);
        const copy = rowOf(records, COPY);
        const short = workload.label.split(':')[0];
        checks.push(
          {
            target: `${engine.targetsAs}, ${short}, ${inFlight} in flight: records/s at least 3x the naive code`,
            measured: formatRatio(store.ratio ?? 0),
            met: (store.ratio ?? 0) >= 3,
          },
          {
            target: `${engine.targetsAs}, ${short}, ${inFlight} in flight: records/s at least 0.5x the COPY floor`,
            measured: formatRatio(store.median / copy.median),
            met: store.median / copy.median >= 0.5,
          },
        );
      }
    }
    const values = [...counts.values()];
    const agree = values.every((v) => v === values[0]);
    stored.push(
      `${engine.engine}, ${workload.label.split(':')[0]}: ${[...counts].map(([n, v]) => `${n.split(':')[0]} ${v}`).join(', ')} rows per run${agree ? '' : ' (**they disagree**)'}`,
    );
    if (!agree) throw new Error(`contenders stored different rows: ${stored[stored.length - 1]}`);
  }
  return { groups, checks, stored };
}
