import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One webhook POST as it arrived. */
export interface ReceivedWebhook {
  body: string;
  headers: IncomingHttpHeaders;
  json: Record<string, unknown>;
}

/** A stand-in for the developer's app: takes webhooks and serves the redirect landing pages. */
export interface WebhookReceiver {
  /** Origin, e.g. `http://127.0.0.1:53211`. */
  url: string;
  /** POST target for webhooks. */
  webhookUrl: string;
  received: ReceivedWebhook[];
  /** Resolves with the first webhook matching `predicate` (now or later); rejects after `timeoutMs`. */
  waitFor(predicate: (hook: ReceivedWebhook) => boolean, timeoutMs?: number): Promise<ReceivedWebhook>;
  close(): Promise<void>;
}

/**
 * Starts a receiver on 127.0.0.1:0. `GET /success` and `GET /failure` answer a small page that shows the
 * query, the way a developer's redirect target would; `POST /webhook` records the body and answers 200.
 */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const waiters = new Set<() => void>();
  const server = createServer((req, res) => {
    if (req.method === 'POST') {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        received.push({ body, headers: req.headers, json: JSON.parse(body) as Record<string, unknown> });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
        for (const wake of waiters) wake();
      });
      return;
    }
    const url = new URL(req.url ?? '/', 'http://receiver');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><title>landing</title><h1 id="landing">${url.pathname.slice(1)}</h1>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    webhookUrl: `${url}/webhook`,
    received,
    waitFor(predicate, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const hit = received.find(predicate);
          if (!hit) return;
          done();
          resolve(hit);
        };
        const timer = setTimeout(() => {
          done();
          const types = received.map((h) => String(h.json.type)).join(', ');
          reject(new Error(`no matching webhook within ${timeoutMs} ms; received: [${types}]`));
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** Checks Terra's `terra-signature: t=<ts>,v1=<hex>` header against the body, independently of terra-ts. */
export function hasValidTerraSignature(hook: ReceivedWebhook, secret: string): boolean {
  const header = hook.headers['terra-signature'];
  if (typeof header !== 'string') return false;
  const parts = new Map(header.split(',').map((part) => part.split('=', 2) as [string, string]));
  const t = parts.get('t');
  const v1 = parts.get('v1');
  if (!t || !v1) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${hook.body}`).digest();
  const actual = Buffer.from(v1, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
