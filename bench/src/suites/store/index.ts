// The store benchmark: ingest (terra-store vs the naive pg code vs the COPY floor), backfill and queries,
// on a PostgreSQL 15 server the suite starts itself and on embedded PGlite.
import type { BenchConfig } from '../../config.js';
import { nowMs } from '../../harness/clock.js';
import { loadNow } from '../../harness/machine.js';
import type { Check, Group, SuiteResult } from '../../harness/result.js';
import { measureBackfill } from './backfill.js';
import { buildWorkloads, type Workload } from './deliveries.js';
import { measureIngest, pgliteContenders, serverContenders } from './ingest.js';
import { type BenchServer, startBenchServer } from './postgres-server.js';
import { measureQueries } from './query.js';

const SECRET = 'bench-store-signing-secret';

/** Runs one phase and prints how long it took (the suite is long; this shows where it is). */
async function phase<T>(name: string, work: () => Promise<T>): Promise<T> {
  const start = nowMs();
  const result = await work();
  console.log(`store: ${name} took ${((nowMs() - start) / 1000).toFixed(1)} s`);
  return result;
}

/** PGlite's ingest, then backfill and queries on both engines (everything after the server's ingest). */
async function restOfSuite(
  server: BenchServer,
  config: BenchConfig,
  workloads: readonly Workload[],
  out: { groups: Group[]; stored: string[]; notes: string[] },
): Promise<void> {
  const c = config.store;
  const onPglite = await pgliteContenders(SECRET);
  try {
    const r = await phase('ingest on PGlite', () => measureIngest(onPglite, workloads, c, SECRET));
    out.groups.push(...r.groups);
    out.stored.push(...r.stored);
  } finally {
    await onPglite.close();
  }
  const backfill = await phase('backfill', () => measureBackfill(server, c, config.seed));
  out.groups.push(...backfill.groups);
  try {
    const q = await phase('queries', () => measureQueries(backfill.stores, backfill.range, c));
    out.groups.push(...q.groups);
    out.notes.push(...q.notes);
  } finally {
    out.groups.push(await backfill.finish());
  }
}

/** Ingest, backfill and query through terra-store against hand-written code, on both engines. */
export async function storeSuite(config: BenchConfig): Promise<SuiteResult> {
  const c = config.store;
  const loadStart = loadNow();
  const { chunks, singles } = await phase('building deliveries from the sandbox', () =>
    buildWorkloads(config.seed, c.months, c.singles),
  );
  const groups: Group[] = [];
  const checks: Check[] = [];
  const stored: string[] = [];
  const notes: string[] = [];
  const server = await phase('starting PostgreSQL', startBenchServer);
  try {
    const onServer = await serverContenders(server, SECRET);
    try {
      const r = await phase('ingest on the server', () =>
        measureIngest(onServer, [chunks, singles], c, SECRET),
      );
      groups.push(...r.groups);
      checks.push(...r.checks);
      stored.push(...r.stored);
    } finally {
      await onServer.close();
    }
    if (!c.ingestOnly) await restOfSuite(server, config, [chunks, singles], { groups, stored, notes });
  } finally {
    await server.stop();
  }
  return {
    id: 'store',
    title: 'terra-store: ingest, backfill and queries',
    groups,
    checks,
    notes: [
      `Machine load during this suite: ${loadStart.toFixed(2)} at its start, ${loadNow().toFixed(2)} at its end (1-minute load average; 2 would be both cores busy). The client, the receivers and PGlite share this process; the PostgreSQL server and the sandbox run beside it on the same 2 cores.`,
      'Ingest: signed data webhooks (sandbox records, seeded, in Terra\'s `{ user, data, type }` shape with `terra-signature`, `terra-reference`, `X-Terra-Trace-Id` and `x-terra-ordering-timestamp`) POSTed over keep-alive node:http on 127.0.0.1 to each contender\'s own node:http server; every run relabels the deliveries to a fresh user (new keys) and signs them before the clock starts. "Acknowledged" stops at the last 200; "queryable" at the moment every record can be read (terra-store processes after it answers, so it waits for `store.idle()`; the others commit before answering).',
      `Contenders: **naive** is the code a user writes with \`pg\`: verify with node:crypto, parse, BEGIN, one \`INSERT ... ON CONFLICT (natural key) DO UPDATE\` per record, COMMIT, then 200 (no ordering or enrichment rules). **COPY floor** verifies and parses the same way, then writes the delivery's rows with one \`COPY ... FROM STDIN\` (the \`postgres\` driver; no upsert possible, so it only measures fresh keys). **terra-store** verifies with terra-ts, commits the raw delivery to its inbox (deliveries waiting at once share one INSERT and one commit; each is answered only after it), answers 200, then processes inline in batches: the rows received while the previous batch ran are claimed, applied and marked processed in one transaction (one upsert statement per data type for the whole batch, with the ordering, enrichment and duplicate rules; user rows, chunk counts and processed marks in one final statement). All write the same tables (terra-store's schema and unique keys); each has its own database and a pool of 10 connections (PGlite: one in-process connection). The rows each stored agree: ${stored.join('; ')}.`,
      "Server: PostgreSQL 15 from /usr/lib/postgresql/15/bin, a throwaway cluster started by terra-store's test helper (packages/terra-store/test/support/postgres-cluster.ts: temp dir, free port, `postgres` OS user) with fsync=off and full_page_writes=off; the bench databases set synchronous_commit=on, so an acknowledged COMMIT is in the WAL (written, not fsynced: durable across a server crash, not a power cut). PGlite keeps each database in a directory on disk.",
      'Ingest targets (3x naive, 0.5x COPY, records/s): what bounds each side was found with `bench/src/store-profile.ts` (per-statement wall time; see bench/README.md). Both hand-written contenders commit once per delivery before answering; at 1 in flight they wait for that commit each time, while terra-store answers after its inbox commit and applies batches in the background, so its records/s is bounded by one inbox commit per delivery plus the share of CPU its processing takes from the same 2 cores. Single-record updates at 1 in flight are bound by one commit per delivery on every side (the inbox insert for terra-store, the upsert for naive, the COPY for the floor), so 3x naive is out of reach there: terra-store can only save the BEGIN and COMMIT round trips of the naive code. Under this load (load average above the 2 cores, from four other engineers work) a round trip costs milliseconds of scheduling rather than of work, so the ratios move by tens of percent between runs.',
      'Backfill: one sandbox user per engine (both contenders of an engine fetch the same records; the hourly budget of a user holds two such backfills), the same 30-day windows with samples through terra-ts, 4 requests at once; terra-store keeps its progress per window in the database (resumable), the naive code keeps none.',
      ...notes,
    ],
  };
}
