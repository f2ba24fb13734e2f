/**
 * `npm start`: the whole life of a Terra integration, offline, on an embedded terra-sandbox.
 *
 * 1. start a local Terra (terra-sandbox) and our own webhook endpoint (terra-ts's Node handler);
 * 2. connect a simulated Garmin user through the connect widget, as a browser would;
 * 3. backfill the last 30 days of every data type through webhooks (a range over a calendar month,
 *    so Terra's large-request flow: processing, sending with the payload count, then chunks);
 * 4. store every delivery with terra-store (verified, committed to the inbox, then upserted into one table
 *    per data type) in an embedded PGlite database, refuse a forged one, and print a summary read with SQL.
 * 5. keep running with the dashboard, whose "Sent vs stored" panel compares what the sandbox delivered with
 *    what the store holds, per user and data type.
 *
 * Flags: `--once` exits after the summary (the default when stdout is not a terminal); otherwise the
 * sandbox keeps running so the dashboard can be opened. `--port N` picks the sandbox port (default 4610).
 * `--database <dir | postgres://...>` keeps the store in a PGlite directory or on a PostgreSQL server
 * (default: PGlite in memory).
 */
import { parseArgs } from 'node:util';
import { type Sandbox, type StoreView, startSandbox } from 'terra-sandbox';
import { openStore, type TerraStore } from 'terra-store';
import { DATA_TYPES, SentToWebhook, Terra, TerraWebhooks } from 'terra-ts';
import { generateTestSignatureHeader } from 'terra-ts/testing';
import { connectThroughWidget } from './connect.js';
import { startWebhookReceiver } from './receiver.js';
import { storeViewOf } from './store-view.js';
import { storeTotals, summarise } from './summary.js';

// Every date-range type but menstruation: not every simulated user logs a cycle, so it may never arrive.
const BACKFILL_TYPES = DATA_TYPES.filter((type) => type !== 'menstruation');
const BACKFILL_DAYS = 30;

const { values: flags } = parseArgs({
  options: {
    once: { type: 'boolean', default: false },
    port: { type: 'string', default: '4610' },
    database: { type: 'string' },
  },
});
const keepRunning = !flags.once && process.stdout.isTTY === true;

async function startSandboxOnFreePort(
  port: number,
  webhookUrl: string,
  storeView: StoreView,
): Promise<Sandbox> {
  try {
    return await startSandbox({ port, webhookUrl, users: [], storeView });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    return startSandbox({ port: 0, webhookUrl, users: [], storeView });
  }
}

async function waitFor(
  what: string,
  done: () => boolean | Promise<boolean>,
  timeoutMs = 120_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what} after ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const step = (text: string) => console.log(`\n▸ ${text}`);

async function main(): Promise<void> {
  // The sandbox's signing secret is its default; the receiver is built before the sandbox so the
  // sandbox can be told where to deliver.
  const secret = 'sandbox-signing-secret';
  const store: TerraStore = await openStore({ database: flags.database });
  const receiver = await startWebhookReceiver(store, new TerraWebhooks({ secret }));
  const storeName =
    store.db.engine === 'pglite'
      ? `embedded PGlite (${flags.database ?? 'in memory'})`
      : 'a PostgreSQL server';
  // The dashboard shows what the sandbox sent beside what the store holds ("Sent vs stored").
  const storeView = storeViewOf(store, `terra-store on ${storeName}`);
  const sandbox = await startSandboxOnFreePort(Number(flags.port), receiver.webhookUrl, storeView);
  const terra = new Terra({ apiKey: sandbox.apiKey, devId: sandbox.devId, baseUrl: sandbox.baseUrl, secret });
  console.log(`terra-sandbox running at ${sandbox.url} (API ${sandbox.baseUrl})`);
  console.log(`terra-store on ${storeName}, schema version ${store.migration?.to}`);

  step('Providers');
  const providers = (await terra.listProviders()).getParsedResponse();
  console.log(
    `  ${providers.providers.length} providers: ${providers.providers.slice(0, 8).join(', ')}, ...`,
  );

  step('Connect a user through the widget');
  const session = (
    await terra.generateWidgetSession({
      providers: ['GARMIN', 'OURA', 'FITBIT'],
      referenceId: 'demo-user-1',
      authSuccessRedirectUrl: receiver.redirectUrl('connected'),
      authFailureRedirectUrl: receiver.redirectUrl('failed'),
    })
  ).getParsedResponse();
  if (!session.url) throw new Error('the widget session came back without a url');
  console.log(`  widget session ${session.session_id}: ${session.url}`);
  const userId = await connectThroughWidget(session.url, 'GARMIN');
  await waitFor('the auth webhook', async () => (await store.user(userId))?.state === 'connected');
  const user = await terra.fromUserId(userId);
  console.log(
    `  connected ${user.provider} user ${user.user_id} (reference ${user.reference_id}); auth webhook verified and stored`,
  );

  step(`Backfill ${BACKFILL_DAYS} days through webhooks`);
  const endDate = new Date();
  const startDate = new Date(endDate.getTime() - BACKFILL_DAYS * 86_400_000);
  // A range over one calendar month comes as Terra's large-request flow (chunks counted by the store);
  // a shorter one as a single data delivery carrying the request's reference.
  const requests: Array<{ type: string; reference: string; large: boolean }> = [];
  for (const type of BACKFILL_TYPES) {
    const response = await terra.getDataForUser(user, type, { startDate, endDate, toWebhook: true });
    const ack = response.getParsedResponse();
    if (!(ack instanceof SentToWebhook) || !ack.reference)
      throw new Error(`${type}: expected a webhook acknowledgement`);
    requests.push({ type, reference: ack.reference, large: ack.message !== undefined });
    console.log(
      `  ${type.padEnd(10)} requested, reference ${ack.reference}${ack.message ? ` (${ack.message})` : ''}`,
    );
  }
  // The store counts a large request's chunks in its own table; a small request is one stored payload.
  const arrived = async (reference: string, large: boolean) => {
    if (!large) {
      const [row] = await store.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM terra_inbox WHERE reference = $1 AND status = 'processed'`,
        [reference],
      );
      return (row?.n ?? 0) > 0 ? 'one payload' : undefined;
    }
    const [row] = await store.db.query<{ received: number; expected: number | null; complete: boolean }>(
      'SELECT received, expected, completed_at IS NOT NULL AS complete FROM terra_large_requests WHERE reference = $1',
      [reference],
    );
    return row?.complete ? `${row.received} of ${row.expected} chunks` : undefined;
  };
  await waitFor('every chunk of the backfill', async () => {
    for (const { reference, large } of requests) if (!(await arrived(reference, large))) return false;
    return true;
  });
  await store.idle();
  for (const { type, reference, large } of requests) {
    console.log(`  ${type.padEnd(10)} ${await arrived(reference, large)} arrived for ${reference}`);
  }

  step('A forged delivery');
  const forged = JSON.stringify({
    type: 'deauth',
    user: { user_id: userId, provider: 'GARMIN' },
    status: 'success',
  });
  const forgedResponse = await fetch(receiver.webhookUrl, {
    method: 'POST',
    headers: {
      'terra-signature': await generateTestSignatureHeader({ payload: forged, secret: 'not-the-secret' }),
    },
    body: forged,
  });
  console.log(`  a deauth signed with the wrong secret was refused with HTTP ${forgedResponse.status}`);

  step('Summary');
  const refused = [...receiver.refused.values()].reduce((a, b) => a + b, 0);
  console.log(`  stored: ${await storeTotals(store)}; ${refused} refused`);
  for (const line of await summarise(store, userId)) console.log(`  ${line}`);

  if (keepRunning) {
    console.log(
      `\nDashboard: ${sandbox.url}/dashboard   (sent vs stored, charts, deliveries; Ctrl-C to stop)`,
    );
    process.once(
      'SIGINT',
      () =>
        void Promise.all([sandbox.close(), receiver.close()])
          .then(() => store.close())
          .then(() => process.exit(0)),
    );
    return;
  }
  await Promise.all([sandbox.close(), receiver.close()]);
  await store.close();
}

main().catch((error: unknown) => {
  console.error(`demo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
