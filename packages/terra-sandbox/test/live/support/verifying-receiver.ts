import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Terra } from 'terra-ts';

/** One webhook POST that passed terra-ts's signature check. */
export interface VerifiedHook {
  /** Arrival order, from 0 (failed checks and refused POSTs count too). */
  readonly n: number;
  readonly type: string;
  readonly traceId: string;
  readonly reference: string;
  /** `x-terra-ordering-timestamp`, epoch ms. */
  readonly orderingTimestamp: number;
  readonly body: string;
  // biome-ignore lint/suspicious/noExplicitAny: payloads are checked by assertions, not types
  readonly json: any;
  /** What the receiver answered. */
  readonly answered: number;
}

/** A webhook endpoint on 127.0.0.1:0 that verifies every signature with terra-ts before taking a POST. */
export interface VerifyingReceiver {
  readonly url: string;
  /** POSTs that passed the signature check, in arrival order, with what they were answered. */
  readonly hooks: VerifiedHook[];
  /** POSTs refused because their signature did not verify. */
  readonly unverified: number;
  close(): Promise<void>;
}

/**
 * Starts the receiver. `answer(n)` picks the status for the n-th verified POST (default 200), so a
 * test can refuse some and see them retried.
 */
export async function startVerifyingReceiver(
  secret: string,
  answer: (n: number) => number = () => 200,
): Promise<VerifyingReceiver> {
  const terra = new Terra({ apiKey: 'unused', devId: 'unused', secret });
  const hooks: VerifiedHook[] = [];
  let unverified = 0;
  let n = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const header = req.headers['terra-signature'];
      const arrival = n++;
      void terra.checkTerraSignature(body, typeof header === 'string' ? header : undefined).then((ok) => {
        if (!ok) {
          unverified++;
          res.writeHead(401).end('bad signature');
          return;
        }
        const status = answer(hooks.length);
        const json = JSON.parse(body);
        hooks.push({
          n: arrival,
          type: json.type,
          traceId: String(req.headers['x-terra-trace-id']),
          reference: String(req.headers['terra-reference']),
          orderingTimestamp: Number(req.headers['x-terra-ordering-timestamp']),
          body,
          json,
          answered: status,
        });
        res.writeHead(status).end(status < 300 ? 'ok' : 'not now');
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    hooks,
    get unverified() {
      return unverified;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The natural key of the record a data hook carries: `<type>:<user>:<summary_id | local date | user>`. */
export function keyOf(hook: VerifiedHook): string {
  const user = hook.json.user.user_id as string;
  if (hook.type === 'athlete') return `athlete:${user}:${user}`;
  const record = hook.json.data[0];
  const key =
    hook.type === 'activity' || hook.type === 'sleep'
      ? record.metadata.summary_id
      : String(record.metadata.start_time).slice(0, 10);
  return `${hook.type}:${user}:${key}`;
}

/** The record a data hook carries (`data[0]`, or `athlete`). */
// biome-ignore lint/suspicious/noExplicitAny: payloads are checked by assertions, not types
export function recordOf(hook: VerifiedHook): any {
  return hook.type === 'athlete' ? hook.json.athlete : hook.json.data[0];
}

/**
 * Every timestamp in a record, as epoch ms, except a menstruation status's `intervals` (the current
 * cycle's phases: a forecast by nature).
 */
export function instantsIn(value: unknown, out: number[] = []): number[] {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/.test(value))
    out.push(Date.parse(value));
  else if (Array.isArray(value)) for (const item of value) instantsIn(item, out);
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) if (key !== 'intervals') instantsIn(item, out);
  }
  return out;
}
