import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createFetchWebhookHandler,
  createNodeWebhookHandler,
  DEFAULT_WEBHOOK_READ_TIMEOUT_MS,
  TerraInvalidArgumentError,
  TerraWebhooks,
  type WebhookVerificationError,
} from 'terra-ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CANARY_WEBHOOK_SECRET } from '../../robustness/support/canary.js';
import { nodeHeader, nowSeconds } from '../support/sign.js';

const webhooks = new TerraWebhooks({ secret: CANARY_WEBHOOK_SECRET });
const MiB = 1024 * 1024;
const DECLARED = 95 * MiB;

/** What the server side saw. */
interface Seen {
  /** Body bytes the adapter pulled from the request. */
  consumed: number;
  /** Handler invocations started and finished (a pending one would be a leak). */
  started: number;
  finished: number;
  /** The adapter cancelled the body stream (Fetch) to stop the download. */
  cancelled: boolean;
  handled: number;
  errors: unknown[];
}

type Options = Parameters<typeof createNodeWebhookHandler>[2];

/** Counts the body bytes a Node request hands out as it is iterated. */
function countingNodeRequest(req: IncomingMessage, seen: Seen) {
  return {
    method: req.method,
    headers: req.headers,
    get readableEnded() {
      return req.readableEnded;
    },
    [Symbol.asyncIterator]: () => {
      const inner = req[Symbol.asyncIterator]();
      return {
        next: async () => {
          const step = await inner.next();
          if (!step.done) seen.consumed += (step.value as Buffer).length;
          return step;
        },
      };
    },
  };
}

/** A Fetch `Request` whose body is pulled from the Node request on demand (nothing buffered ahead), counted. */
function countingFetchRequest(req: IncomingMessage, origin: string, seen: Seen): Request {
  const inner = req[Symbol.asyncIterator]();
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const step = await inner.next();
        if (step.done) return controller.close();
        seen.consumed += (step.value as Buffer).length;
        controller.enqueue(new Uint8Array(step.value as Buffer));
      },
      cancel() {
        seen.cancelled = true;
        req.pause();
      },
    },
    { highWaterMark: 0 },
  );
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers))
    if (typeof value === 'string') headers.set(name, value);
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  return new Request(new URL(req.url ?? '/', origin), {
    method: req.method ?? 'GET',
    headers,
    body: hasBody ? body : undefined,
    duplex: 'half',
  } as RequestInit);
}

let server: Server | undefined;
let url = '';
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
  server = undefined;
});

async function serve(kind: 'node' | 'fetch', options: Options = {}): Promise<Seen> {
  const seen: Seen = { consumed: 0, started: 0, finished: 0, cancelled: false, handled: 0, errors: [] };
  const handlerOptions = { ...options, onError: (error: unknown) => void seen.errors.push(error) };
  const handle = () => void seen.handled++;
  const nodeHandler = createNodeWebhookHandler(webhooks, handle, handlerOptions);
  const fetchHandler = createFetchWebhookHandler(webhooks, handle, handlerOptions);
  server = createServer(async (req, res) => {
    seen.started++;
    try {
      if (kind === 'node') {
        await nodeHandler(countingNodeRequest(req, seen), res);
      } else {
        const response = await fetchHandler(countingFetchRequest(req, url, seen));
        res.statusCode = response.status;
        res.setHeader('connection', 'close');
        response.headers.forEach((value, name) => void res.setHeader(name, value));
        res.end(Buffer.from(await response.arrayBuffer()));
      }
    } finally {
      seen.finished++;
    }
  });
  await new Promise<void>((done) => server?.listen(0, '127.0.0.1', done));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return seen;
}

interface Outcome {
  status: number | undefined;
  json: Record<string, unknown> | undefined;
  /** Body bytes the client had written when the answer arrived. */
  sentWhenAnswered: number;
}

/**
 * Sends the headers (a content-length of `declared`) and `firstBytes` of the body, then waits: resolves with
 * the answer, or with no status when the connection closes without one.
 */
function sendPartially(
  headers: Record<string, string>,
  options: { method?: string; declared?: number; firstBytes?: number; disconnectAfterFirst?: boolean } = {},
): Promise<Outcome> {
  const { method = 'POST', declared = DECLARED, firstBytes = 64 * 1024 } = options;
  return new Promise((resolve) => {
    let sent = 0;
    const req = httpRequest(
      url,
      { method, agent: false, headers: { ...headers, 'content-length': String(declared) } },
      (res) => {
        const sentWhenAnswered = sent;
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          req.destroy();
          const text = Buffer.concat(chunks).toString();
          resolve({ status: res.statusCode, json: text ? JSON.parse(text) : undefined, sentWhenAnswered });
        });
      },
    );
    req.on('error', () => resolve({ status: undefined, json: undefined, sentWhenAnswered: sent }));
    const first = Buffer.alloc(firstBytes, 0x61);
    sent += first.length;
    req.write(first, () => {
      if (options.disconnectAfterFirst) setTimeout(() => req.destroy(), 20);
    });
  });
}

const current = () => nodeHeader(CANARY_WEBHOOK_SECRET, nowSeconds(), 'a body this request never sends');

const refusedOnHeaders: [string, () => Record<string, string>, number, string][] = [
  ['no signature header', () => ({}), 400, 'missing_header'],
  [
    'a 5 KiB signature header',
    () => ({ 'terra-signature': `${current()},v0=${'0'.repeat(5 * 1024)}` }),
    400,
    'malformed_header',
  ],
  ['a malformed signature header', () => ({ 'terra-signature': 't=abc,v1=zz' }), 400, 'malformed_header'],
  [
    'a header with no v1 signature',
    () => ({ 'terra-signature': `t=${nowSeconds()},v0=00` }),
    400,
    'no_signature',
  ],
  [
    'a day-old timestamp',
    () => ({ 'terra-signature': nodeHeader(CANARY_WEBHOOK_SECRET, nowSeconds() - 86_400, 'x') }),
    401,
    'timestamp_too_old',
  ],
  [
    'a timestamp an hour ahead',
    () => ({ 'terra-signature': nodeHeader(CANARY_WEBHOOK_SECRET, nowSeconds() + 3_600, 'x') }),
    401,
    'timestamp_in_future',
  ],
];

describe.each(['node', 'fetch'] as const)('the %s adapter', (kind) => {
  it.each(refusedOnHeaders)(
    'refuses %s before reading any of a 95 MiB body',
    async (_label, headers, status, reason) => {
      const seen = await serve(kind);
      const outcome = await sendPartially(headers());
      expect(outcome.status).toBe(status);
      expect(outcome.json).toMatchObject({ error: reason });
      // The answer came while 95 MiB were still to be sent, and the adapter pulled none of the body.
      expect(outcome.sentWhenAnswered).toBeLessThan(DECLARED);
      expect(seen.consumed).toBe(0);
      expect(seen.handled).toBe(0);
      expect((seen.errors[0] as WebhookVerificationError).reason).toBe(reason);
    },
  );

  it('refuses a GET with 405 before reading its body', async () => {
    const seen = await serve(kind);
    const outcome = await sendPartially({ 'terra-signature': current() }, { method: 'PUT' });
    expect(outcome.status).toBe(405);
    expect(seen.consumed).toBe(0);
  });

  it('answers 408 to a body that stalls, without calling the handler', async () => {
    const seen = await serve(kind, { readTimeoutMs: 200 });
    const outcome = await sendPartially(
      { 'terra-signature': current() },
      { declared: 10_000, firstBytes: 1000 },
    );
    expect(outcome.status).toBe(408);
    expect(outcome.json).toMatchObject({ error: 'body_timeout' });
    expect(seen.consumed).toBe(1000);
    expect(seen.handled).toBe(0);
    expect((seen.errors[0] as WebhookVerificationError).reason).toBe('body_timeout');
    if (kind === 'fetch') expect(seen.cancelled).toBe(true);
    await expect.poll(() => seen.finished).toBe(1);
  });

  it('cuts off 200 stalled requests at the deadline: every one answered, none left pending, no timer left', async () => {
    const timers = () => process.getActiveResourcesInfo().filter((name) => name === 'Timeout').length;
    const before = timers();
    const seen = await serve(kind, { readTimeoutMs: 300 });
    const outcomes = await Promise.all(
      Array.from({ length: 200 }, () =>
        sendPartially({ 'terra-signature': current() }, { declared: 50_000, firstBytes: 100 }),
      ),
    );
    expect(outcomes.map((o) => o.status)).toEqual(outcomes.map(() => 408));
    await expect.poll(() => seen.finished).toBe(200);
    expect(seen.started).toBe(200);
    expect(seen.handled).toBe(0);
    await expect.poll(timers).toBeLessThanOrEqual(before);
  });

  it('leaks nothing when clients disconnect mid-body: every call settles, quietly, no timer or listener left', async () => {
    const timers = () => process.getActiveResourcesInfo().filter((name) => name === 'Timeout').length;
    const before = timers();
    const listeners = () =>
      process.listenerCount('unhandledRejection') + process.listenerCount('uncaughtException');
    const listenersBefore = listeners();
    const escaped: unknown[] = [];
    const onEscape = (error: unknown) => void escaped.push(error);
    process.on('unhandledRejection', onEscape);
    const logged: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void logged.push(args);
    try {
      const seen = await serve(kind);
      const outcomes = await Promise.all(
        Array.from({ length: 50 }, () =>
          sendPartially(
            { 'terra-signature': current() },
            { declared: 100_000, firstBytes: 10_000, disconnectAfterFirst: true },
          ),
        ),
      );
      expect(outcomes.every((o) => o.status === undefined)).toBe(true);
      await expect.poll(() => seen.finished).toBe(50);
      expect(seen.handled).toBe(0);
      await expect.poll(timers).toBeLessThanOrEqual(before);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(escaped).toEqual([]);
      expect(logged).toEqual([]);
    } finally {
      console.error = original;
      process.off('unhandledRejection', onEscape);
    }
    expect(listeners()).toBe(listenersBefore);
  });
});

describe('the readTimeoutMs option', () => {
  it('defaults to 60 s', () => {
    expect(DEFAULT_WEBHOOK_READ_TIMEOUT_MS).toBe(60_000);
  });

  it.each([0, -1, 1.5, 2 ** 31])('refuses %s when the handler is built', (value) => {
    expect(() => createNodeWebhookHandler(webhooks, () => {}, { readTimeoutMs: value })).toThrow(
      TerraInvalidArgumentError,
    );
    expect(() => createFetchWebhookHandler(webhooks, () => {}, { readTimeoutMs: value })).toThrow(
      /readTimeoutMs/,
    );
  });
});

describe('TerraWebhooks.handleExpressWebhook', () => {
  let seen: { consumed: number };
  beforeEach(() => {
    seen = { consumed: 0 };
  });

  it('refuses a day-old timestamp before reading the body', async () => {
    const stalled = {
      method: 'POST',
      headers: { 'terra-signature': nodeHeader(CANARY_WEBHOOK_SECRET, nowSeconds() - 86_400, 'x') },
      [Symbol.asyncIterator]: () => ({
        next: () => {
          seen.consumed++;
          return new Promise<IteratorResult<unknown>>(() => {});
        },
      }),
    };
    const error = await webhooks.handleExpressWebhook(stalled).catch((e) => e);
    expect((error as WebhookVerificationError).reason).toBe('timestamp_too_old');
    expect(seen.consumed).toBe(0);
  });
});
