// Where terra-store's ingest time goes: `node --import tsx src/store-profile.ts [postgres|pglite] [months]
// [chunks|singles] [in flight]` sends a workload (default: the large request at 1 in flight) through
// terra-store on a fresh PostgreSQL server (or PGlite) and
// prints the wall time per SQL statement (through a timing wrapper around the store's Database), next to
// the same deliveries through the naive pg code and the JS-only costs (verify + parse, JSON.parse, SHA-256).
import { createHash } from 'node:crypto';
import {
  createStoreNodeWebhookHandler,
  openPgliteDatabase,
  openPostgresDatabase,
  openStore,
} from 'terra-store';
import { TerraWebhooks } from 'terra-ts';
import { naivePgReceiver } from './contenders/store/naive.js';
import { listen } from './contenders/store/receiver.js';
import { nowMs } from './harness/clock.js';
import { buildWorkloads, signWorkload } from './suites/store/deliveries.js';
import { postAll } from './suites/store/post.js';
import { startBenchServer } from './suites/store/postgres-server.js';
import { type StatementTimes, timedDatabase } from './suites/store/timed-database.js';

const SECRET = 'bench-store-signing-secret';
const engine = process.argv[2] === 'pglite' ? 'pglite' : 'postgres';
const months = Number(process.argv[3] ?? 6);
const built = await buildWorkloads(2026, months, 100);
const chunks = process.argv[4] === 'singles' ? built.singles : built.chunks;
const inFlight = Number(process.argv[5] ?? 1);
const server = await startBenchServer();
try {
  const url = await server.createDatabase('profile_store');
  const times: StatementTimes = new Map();
  const inner = engine === 'pglite' ? await openPgliteDatabase(undefined) : await openPostgresDatabase(url);
  const store = await openStore({ database: timedDatabase(inner, times) });
  const handle = createStoreNodeWebhookHandler(store, new TerraWebhooks({ secret: SECRET }));
  const http = await listen((req, res) => handle(req, res));
  // Warm-up run, then the measured one.
  for (const measured of [false, true]) {
    const { deliveries } = await signWorkload(chunks, SECRET);
    times.clear();
    const start = nowMs();
    await postAll(http.url, deliveries, inFlight);
    const ackMs = nowMs() - start;
    await store.idle();
    const doneMs = nowMs() - start;
    if (!measured) continue;
    const bytes = deliveries.reduce((n, d) => n + d.body.length, 0);
    console.log(
      `terra-store on ${engine}: ${deliveries.length} deliveries, ${chunks.records} records, ${(bytes / 1024).toFixed(0)} KB; acknowledged in ${ackMs.toFixed(0)} ms, queryable in ${doneMs.toFixed(0)} ms (${((chunks.records * 1000) / doneMs).toFixed(0)} records/s)`,
    );
    const rows = [...times].sort((a, b) => b[1].ms - a[1].ms);
    for (const [sql, t] of rows) {
      console.log(
        `  ${t.ms.toFixed(0).padStart(7)} ms ${String(t.calls).padStart(4)} calls ${(t.ms / t.calls).toFixed(2).padStart(8)} ms each  ${sql}`,
      );
    }
    // JS-only costs of the same deliveries.
    const verifier = new TerraWebhooks({ secret: SECRET });
    let verifyMs = 0;
    let parseMs = 0;
    let hashMs = 0;
    for (const d of deliveries) {
      const body = new TextEncoder().encode(d.body);
      let t = nowMs();
      await verifier.handleWebhook(body, undefined, d.headers);
      verifyMs += nowMs() - t;
      t = nowMs();
      JSON.parse(d.body);
      parseMs += nowMs() - t;
      t = nowMs();
      createHash('sha256').update(body).digest();
      hashMs += nowMs() - t;
    }
    console.log(
      `  JS: terra-ts handleWebhook (verify + parse) ${verifyMs.toFixed(0)} ms, one more JSON.parse ${parseMs.toFixed(0)} ms, SHA-256 ${hashMs.toFixed(0)} ms (all deliveries)`,
    );
  }
  await http.close();
  await store.close();
  if (engine === 'postgres') {
    const naiveUrl = await server.createDatabase('profile_naive');
    await (await openStore({ database: naiveUrl, processing: 'workers' })).close();
    const naive = await naivePgReceiver(naiveUrl, SECRET, 10);
    for (const measured of [false, true]) {
      const { deliveries } = await signWorkload(chunks, SECRET);
      const start = nowMs();
      await postAll(naive.url, deliveries, inFlight);
      const ms = nowMs() - start;
      if (measured)
        console.log(
          `naive pg: ${ms.toFixed(0)} ms (${((chunks.records * 1000) / ms).toFixed(0)} records/s, ${(ms / chunks.records).toFixed(2)} ms per record INSERT incl. its share of BEGIN/COMMIT and parsing)`,
        );
    }
    await naive.close();
  }
} finally {
  await server.stop();
}
