// Backfill one user's history through webhooks: ask Terra for a long range with toWebhook, receive the signed
// chunks on a local endpoint, and stop once every request is complete.
//
//   TERRA_API_KEY=... TERRA_DEV_ID=... TERRA_WEBHOOK_SECRET=... PORT=3000 \
//     npx tsx backfill.ts --user <terra user id> [--days 90] [--types activity,sleep]
//
// Terra's webhook destination must reach http://<host>:<PORT>/ (a tunnel in development; with terra-sandbox,
// its --webhook-url). Requests over a month arrive as chunks sharing the request's reference; the
// LargeRequestTracker counts them and says when the last one is in. Prints one JSON summary line at the end.
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import {
  createNodeWebhookHandler,
  isTerraWebhookEvent,
  LargeRequestTracker,
  Terra,
  type TerraWebhookResponse,
} from 'terra-ts';

const { values } = parseArgs({
  options: {
    user: { type: 'string' },
    days: { type: 'string', default: '90' },
    types: { type: 'string', default: 'activity,sleep' },
    'timeout-seconds': { type: 'string', default: '120' },
  },
});
if (!values.user) {
  console.error('backfill: --user <terra user id> is required');
  process.exit(1);
}
const days = Number(values.days);
const types = values.types.split(',') as Array<'activity' | 'sleep' | 'daily' | 'body' | 'nutrition'>;

// Credentials, signing secret and base URL come from TERRA_API_KEY, TERRA_DEV_ID, TERRA_WEBHOOK_SECRET, TERRA_BASE_URL.
const terra = new Terra();
const tracker = new LargeRequestTracker();
/** reference -> data type, of every request made. */
const requested = new Map<string, string>();
/** References whose last payload is in (may be seen before the request call returns the reference). */
const complete = new Set<string>();
const records: Record<string, number> = {};
let allRequested = false;

function finish(code: number, summary: unknown): never {
  console.log(JSON.stringify(summary));
  server.closeAllConnections();
  server.close();
  process.exit(code);
}

function finishWhenComplete(): void {
  if (allRequested && [...requested.keys()].every((reference) => complete.has(reference))) {
    finish(0, { user: values.user, days, records });
  }
}

const handler = createNodeWebhookHandler(terra, (event, response: TerraWebhookResponse) => {
  const reference = response.delivery.reference;
  if (!reference) return;
  const progress = tracker.observe(response);
  const isData = isTerraWebhookEvent(event) && 'data' in event && Array.isArray(event.data);
  if (isData) {
    records[event.type] = (records[event.type] ?? 0) + event.data.length;
    console.log(`chunk ${event.type} reference=${reference} records=${event.data.length}`);
  }
  // A request of a month or less is one payload, not a large request.
  if (progress?.complete || (progress === undefined && isData)) complete.add(reference);
});
// Finish only after the last delivery has been answered 200, or Terra would send it again.
const server = createServer((req, res) => {
  res.once('finish', finishWhenComplete);
  void handler(req, res);
});
await new Promise<void>((resolve) => server.listen(Number(process.env.PORT ?? 3000), '127.0.0.1', resolve));
console.log(`listening on http://127.0.0.1:${(server.address() as { port: number }).port}/`);

setTimeout(() => {
  const waitingFor = [...requested].filter(([reference]) => !complete.has(reference)).map(([, type]) => type);
  finish(1, { error: 'timed out waiting for webhooks', waitingFor, records });
}, Number(values['timeout-seconds']) * 1000).unref();

const user = await terra.fromUserId(values.user);
const endDate = new Date();
const startDate = new Date(endDate.getTime() - days * 86_400_000);
const request = (
  type: (typeof types)[number],
  options: { startDate: Date; endDate: Date; toWebhook: true },
) => {
  switch (type) {
    case 'activity':
      return user.getActivity(options);
    case 'sleep':
      return user.getSleep(options);
    case 'daily':
      return user.getDaily(options);
    case 'body':
      return user.getBody(options);
    case 'nutrition':
      return user.getNutrition(options);
  }
};
for (const type of types) {
  const response = await request(type, { startDate, endDate, toWebhook: true });
  const parsed = response.getParsedResponse();
  const reference = 'reference' in parsed ? parsed.reference : undefined;
  if (!reference) finish(1, { error: `Terra gave no reference for the ${type} request`, kind: parsed.kind });
  requested.set(reference, type);
  console.log(`requested ${type} ${days} days reference=${reference}`);
}
allRequested = true;
finishWhenComplete();
