/**
 * A store process for the crash tests, run with `node --import tsx`. It serves the store's Node webhook
 * handler and GET /status on 127.0.0.1, processes inline and polls for due rows. With CRASH_AT=<stage> it
 * SIGKILLs itself the CRASH_ON-th time processing reaches that stage (`received` is after the inbox commit,
 * before the answer; `applied` is inside the row's transaction, before its commit).
 *
 * Env: STORE_DATABASE (postgres:// URL or PGlite directory), STORE_SECRET, CRASH_AT, CRASH_ON (default 1),
 * APPLY_ON_RECEIPT (`0`: every delivery takes the ordinary path, inbox commit then processing).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TerraWebhooks } from 'terra-ts';
import { createStoreNodeWebhookHandler, openStore, type ProcessingStage } from '../../src/index.js';

const crashAt = process.env.CRASH_AT as ProcessingStage | undefined;
const crashOn = Number(process.env.CRASH_ON ?? '1');
let hits = 0;

const store = await openStore({
  database: process.env.STORE_DATABASE,
  leaseMs: 500,
  retryBaseMs: 50,
  applyOnReceipt: process.env.APPLY_ON_RECEIPT !== '0',
  onStage: (stage) => {
    if (stage === crashAt && ++hits === crashOn) process.kill(process.pid, 'SIGKILL');
  },
});
const handle = createStoreNodeWebhookHandler(store, new TerraWebhooks({ secret: process.env.STORE_SECRET }));
const controller = new AbortController();
const worker = store.work({ signal: controller.signal, pollMs: 100 });
const server = createServer((req, res) => {
  if (req.url === '/status') {
    void Promise.all([store.deliveryCounts(), store.count('sleep', 'crash-user')]).then(
      ([counts, sleeps]) => {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ counts, sleeps }));
      },
    );
    return;
  }
  void handle(req, res);
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`READY http://127.0.0.1:${(server.address() as AddressInfo).port}\n`);
});
process.once('SIGTERM', () => {
  controller.abort();
  server.close();
  void worker.then(() => store.close()).then(() => process.exit(0));
});
