/**
 * A receiver or a worker process for the scale tests, run with `node --import tsx`.
 *
 * ROLE=receiver: the store's Node webhook handler on 127.0.0.1:$PORT (0: any), receive only; GET /memory
 * answers `{ rss }`. Env: MAX_INBOX_DEPTH, DEPTH_REFRESH_MS. Prints `READY <url>`.
 * ROLE=worker: `createWorker`; prints `STAGE <stage> <id>` as rows move, and with STALL_AT=<stage> stops
 * itself (SIGSTOP) the first time a row reaches that stage, after printing `STALLED <id>`. Prints `READY <id>`.
 * Both: STORE_DATABASE, STORE_SECRET, LEASE_MS, POLL_MS; SIGTERM stops cleanly (exit 0, `STOPPED <tally>`).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TerraWebhooks } from 'terra-ts';
import { createStoreNodeWebhookHandler, createWorker, openStore } from '../../src/index.js';

const env = process.env;
const database = env.STORE_DATABASE as string;
const say = (line: string) => process.stdout.write(`${line}\n`);
const optionalNumber = (value: string | undefined) => (value ? Number(value) : undefined);

async function receiver(): Promise<void> {
  const store = await openStore({ database, processing: 'workers', maxConnections: 4 });
  const handle = createStoreNodeWebhookHandler(store, new TerraWebhooks({ secret: env.STORE_SECRET }), {
    maxInboxDepth: optionalNumber(env.MAX_INBOX_DEPTH),
    inboxDepthRefreshMs: optionalNumber(env.DEPTH_REFRESH_MS),
  });
  const server = createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/memory') {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ rss: process.memoryUsage().rss }));
      return;
    }
    void handle(req, res);
  });
  server.listen(Number(env.PORT ?? 0), '127.0.0.1', () => {
    say(`READY http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  });
  process.once('SIGTERM', () => {
    server.close();
    server.closeAllConnections();
    void store.close().then(() => {
      say('STOPPED {}');
      process.exit(0);
    });
  });
}

async function worker(): Promise<void> {
  const stallAt = env.STALL_AT;
  let stalled = false;
  const running = await createWorker({
    database,
    maxConnections: 3,
    leaseMs: optionalNumber(env.LEASE_MS),
    pollMs: optionalNumber(env.POLL_MS),
    retryBaseMs: 200,
    onError: (error) => process.stderr.write(`worker round failed: ${(error as Error).message}\n`),
    onStage: (stage, id) => {
      say(`STAGE ${stage} ${id}`);
      if (stage === stallAt && !stalled) {
        stalled = true;
        say(`STALLED ${id}`);
        process.kill(process.pid, 'SIGSTOP');
      }
    },
  });
  say(`READY ${running.workerId}`);
  process.once('SIGTERM', () => {
    void running.stop().then((tally) => {
      say(`STOPPED ${JSON.stringify(tally)}`);
      process.exit(0);
    });
  });
}

await (env.ROLE === 'worker' ? worker() : receiver());
