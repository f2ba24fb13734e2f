/**
 * `npm start`: the whole life of a Terra integration, offline, on an embedded terra-sandbox.
 *
 * 1. start a local Terra (terra-sandbox) and our own webhook endpoint (terra-ts's Node handler);
 * 2. connect a simulated Garmin user through the connect widget, as a browser would;
 * 3. backfill the last 30 days of every data type through webhooks (a range over a calendar month,
 *    so Terra's large-request flow: processing, sending with the payload count, then chunks);
 * 4. verify every delivery's signature, refuse a forged one, and print a summary.
 *
 * Flags: `--once` exits after the summary (the default when stdout is not a terminal); otherwise the
 * sandbox keeps running so the dashboard can be opened. `--port N` picks the sandbox port (default 4610).
 */
import { parseArgs } from 'node:util';
import { type Sandbox, startSandbox } from 'terra-sandbox';
import { LargeRequestTracker, SentToWebhook, Terra, TerraWebhooks } from 'terra-ts';
import { generateTestSignatureHeader } from 'terra-ts/testing';
import { connectThroughWidget } from './connect.js';
import { startWebhookReceiver } from './receiver.js';
import { summarise } from './summary.js';

const DATA_TYPES = ['activity', 'sleep', 'daily', 'body', 'nutrition'] as const;
const BACKFILL_DAYS = 30;

const { values: flags } = parseArgs({
  options: { once: { type: 'boolean', default: false }, port: { type: 'string', default: '4610' } },
});
const keepRunning = !flags.once && process.stdout.isTTY === true;

async function startSandboxOnFreePort(port: number, webhookUrl: string): Promise<Sandbox> {
  try {
    return await startSandbox({ port, webhookUrl, users: [] });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    return startSandbox({ port: 0, webhookUrl, users: [] });
  }
}

async function waitFor(what: string, done: () => boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what} after ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const step = (text: string) => console.log(`\n▸ ${text}`);

async function main(): Promise<void> {
  // The sandbox's signing secret is its default; the receiver is built before the sandbox so the
  // sandbox can be told where to deliver.
  const secret = 'sandbox-signing-secret';
  const receiver = await startWebhookReceiver(new TerraWebhooks({ secret }));
  const sandbox = await startSandboxOnFreePort(Number(flags.port), receiver.webhookUrl);
  const terra = new Terra({ apiKey: sandbox.apiKey, devId: sandbox.devId, baseUrl: sandbox.baseUrl, secret });
  console.log(`terra-sandbox running at ${sandbox.url} (API ${sandbox.baseUrl})`);

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
  await waitFor('the auth webhook', () => receiver.deliveries.some((d) => d.type === 'auth'));
  const user = await terra.fromUserId(userId);
  console.log(
    `  connected ${user.provider} user ${user.user_id} (reference ${user.reference_id}); auth webhook verified`,
  );

  step(`Backfill ${BACKFILL_DAYS} days through webhooks`);
  const endDate = new Date();
  const startDate = new Date(endDate.getTime() - BACKFILL_DAYS * 86_400_000);
  // A range over one calendar month comes as Terra's large-request flow (chunks counted by the tracker);
  // a shorter one as a single data delivery carrying the request's reference.
  const requests: Array<{ type: string; reference: string; large: boolean }> = [];
  for (const type of DATA_TYPES) {
    const options = { startDate, endDate, toWebhook: true };
    const request = {
      activity: () => user.getActivity(options),
      sleep: () => user.getSleep(options),
      daily: () => user.getDaily(options),
      body: () => user.getBody(options),
      nutrition: () => user.getNutrition(options),
    }[type];
    const ack = (await request()).getParsedResponse();
    if (!(ack instanceof SentToWebhook) || !ack.reference)
      throw new Error(`${type}: expected a webhook acknowledgement`);
    requests.push({ type, reference: ack.reference, large: ack.message !== undefined });
    console.log(
      `  ${type.padEnd(10)} requested, reference ${ack.reference}${ack.message ? ` (${ack.message})` : ''}`,
    );
  }
  const tracker = new LargeRequestTracker();
  const seen = new Set<unknown>();
  await waitFor('every chunk of the backfill', () => {
    for (const delivery of receiver.deliveries) {
      if (!seen.has(delivery)) {
        seen.add(delivery);
        tracker.observe(delivery);
      }
    }
    return requests.every(({ reference, large }) =>
      large
        ? tracker.progress(reference)?.complete
        : receiver.deliveries.some((d) => d.delivery.reference === reference),
    );
  });
  for (const { type, reference, large } of requests) {
    const progress = tracker.progress(reference);
    const arrived = large ? `${progress?.received} of ${progress?.expected} chunks` : 'one payload';
    console.log(`  ${type.padEnd(10)} ${arrived} arrived for ${reference}`);
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
  const verified = receiver.deliveries.length;
  const refused = [...receiver.refused.values()].reduce((a, b) => a + b, 0);
  console.log(`  ${verified} webhooks received and verified, ${refused} refused`);
  for (const line of summarise(receiver.deliveries)) console.log(`  ${line}`);

  if (keepRunning) {
    console.log(`\nDashboard: ${sandbox.url}/dashboard   (Ctrl-C to stop)`);
    process.once(
      'SIGINT',
      () => void Promise.all([sandbox.close(), receiver.close()]).then(() => process.exit(0)),
    );
    return;
  }
  await Promise.all([sandbox.close(), receiver.close()]);
}

main().catch((error: unknown) => {
  console.error(`demo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
