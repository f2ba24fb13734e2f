// The store benchmark: ingest (terra-store vs the naive pg code vs the COPY floor), backfill and queries,
// on a PostgreSQL 15 server the suite starts itself and on embedded PGlite.
import type { BenchConfig } from '../../config.js';
import { nowMs } from '../../harness/clock.js';
import { loadNow } from '../../harness/machine.js';
import type { Check, Group, SuiteResult } from '../../harness/result.js';
import { measureBackfill } from './backfill.js';
import { buildWorkloads, type Workload } from './deliveries.js';
import { measureIngest, pgliteContenders, serverContenders } from './ingest.js';
import { startLatencyProxy } from './latency-proxy.js';
import { type BenchServer, startBenchServer } from './postgres-server.js';
import { measureQueries } from './query.js';

const SECRET = 'bench-store-signing-secret';

/** One-way delay of the link to a managed server (Node's timer floor: about 2 ms a round trip). */
const LINK_ONE_WAY_MS = 1;
const LINK_LABEL = 'over a 2 ms link';

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
    const serverIngest = async (name: string, link?: Parameters<typeof serverContenders>[2]) => {
      const engine = await serverContenders(server, SECRET, link);
      try {
        const r = await phase(name, () => measureIngest(engine, [chunks, singles], c, SECRET));
        groups.push(...r.groups);
        checks.push(...r.checks);
        stored.push(...r.stored);
      } finally {
        await engine.close();
      }
    };
    await serverIngest('ingest on the server');
    const proxy = await startLatencyProxy(await server.createDatabase('link_target'), LINK_ONE_WAY_MS);
    try {
      await serverIngest(`ingest on the server ${LINK_LABEL}`, { proxy, label: LINK_LABEL });
    } finally {
      await proxy.close();
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
      'Ingest: signed data webhooks (sandbox records, seeded, in Terra\'s `{ user, data, type }` shape with `terra-signature`, `terra-reference`, `X-Terra-Trace-Id` and `x-terra-ordering-timestamp`) POSTed over keep-alive node:http on 127.0.0.1 to each contender\'s own node:http server; every run relabels the deliveries to a fresh user (new keys) and signs them before the clock starts. "Acknowledged" stops at the last 200; "queryable" at the moment every record can be read (every contender stores the records before it answers; terra-store\'s `store.idle()` is awaited too, for any delivery that took its ordinary path, and has nothing to wait for here).',
      `Contenders: **naive** is the code a user writes with \`pg\`: verify with node:crypto, parse, BEGIN, one \`INSERT ... ON CONFLICT (natural key) DO UPDATE\` per record, COMMIT, then 200 (no ordering or enrichment rules). **COPY floor** verifies and parses the same way, then writes the delivery's rows with one \`COPY ... FROM STDIN\` (the \`postgres\` driver; no upsert possible, so it only measures fresh keys). **terra-store** verifies with terra-ts and applies the delivery in the commit that keeps it (\`applyOnReceipt\`, the default with inline processing): a delivery alone is ONE statement (inbox row written as processed with the raw body, upsert with the ordering, enrichment and duplicate rules, large-request chunk count, user row) in autocommit; deliveries arriving while every write slot is busy share one transaction (their inbox INSERT, one upsert statement per data type, one final statement, COMMIT); each is answered 200 only after that commit. Its statements are prepared once per connection. All write the same tables (terra-store's schema and unique keys); each has its own database and a pool of 10 connections (PGlite: one in-process connection). The rows each stored agree: ${stored.join('; ')}.`,
      "Server: PostgreSQL 15 from /usr/lib/postgresql/15/bin, a throwaway cluster started by terra-store's test helper (packages/terra-store/test/support/postgres-cluster.ts: temp dir, free port, `postgres` OS user) with fsync=off and full_page_writes=off; the bench databases set synchronous_commit=on, so an acknowledged COMMIT is in the WAL (written, not fsynced: durable across a server crash, not a power cut). PGlite keeps each database in a directory on disk.",
      "Ingest targets (3x naive, 0.5x COPY, records/s): what bounds each side was found with `bench/src/store-profile.ts` (per-statement wall time) and EXPLAIN ANALYZE (see bench/README.md). Every contender stores the records before it answers, so records/s is the cost of writing them. 0.5x COPY is met on every row. Over loopback 3x naive is out of reach because the naive code is itself close to the COPY floor: over loopback a prepared one-row INSERT costs 0.3-0.7 ms, most of it the row (heap, three indexes, TOAST of the jsonb) that every contender writes, so across the last runs the floor was only 1.4-2.1x the naive code for the month chunks and 0.8-1.1x for single records; 3x naive would mean writing the same rows 1.4-3.7x faster than COPY does, while terra-store also keeps every raw delivery (its inbox row: 20-140 KB per month chunk). Per month chunk of about 28 records terra-store spends 6-9 ms in its one statement (the upsert 4-7 ms, the inbox row 1-3 ms) against 7-13 ms of the naive code's 30 statements. Single-record updates at 1 in flight are bound by one durable commit per delivery on every side (terra-store: one statement holding the inbox row, the upsert, the chunk count and the user row, 0.9-1.3 ms; naive: BEGIN, INSERT, COMMIT, 0.7-1.3 ms; the floor: one COPY), so terra-store can only save round trips there, not the commit. At 64 in flight terra-store shares one commit among the deliveries that arrive together, which the naive code and the floor do not, but the rows still cost what they cost on 2 cores. Under this load (load average 3-6 from other work on 2 cores) the ratios move by tens of percent between runs: 7 rounds, the median.",
      `Over a link: the same three contenders and workloads again, each reaching the same server through a TCP proxy in this process that holds every chunk ${LINK_ONE_WAY_MS} ms in each direction (\`latency-proxy.ts\`; Node's timers add no less than 1 ms, so a round trip costs about 2-3 ms, a managed server in another availability zone or reached from a serverless function). Round trips then cost more than rows: the naive code pays one per record plus BEGIN and COMMIT, terra-store one per delivery (or per group of deliveries arriving together), the COPY floor about two. A month chunk at 1 in flight is where that shows most; a single record at 1 in flight still pays terra-store's one statement (1-2 ms on this server: the inbox row with the raw body, the upsert, the chunk count and the user row) on top of its round trip, against the naive code's 3 round trips of cheaper statements, so it stays near 2x; at 64 in flight every contender overlaps its round trips across the pool's 10 connections, which narrows the gap.`,
      'Backfill: one sandbox user per engine (both contenders of an engine fetch the same records; the hourly budget of a user holds two such backfills), the same 30-day windows with samples through terra-ts, 4 requests at once; terra-store keeps its progress per window in the database (resumable), the naive code keeps none.',
      ...notes,
    ],
  };
}
