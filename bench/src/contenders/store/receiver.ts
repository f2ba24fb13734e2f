import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A webhook endpoint under test, on 127.0.0.1. */
export interface Receiver {
  /** The POST URL. */
  readonly url: string;
  /** Resolves when every acknowledged delivery is queryable (terra-store processes after the answer). */
  settle(): Promise<void>;
  /** Records stored for a user, over every data table (a correctness check, not timed). */
  count(userId: string): Promise<number>;
  close(): Promise<void>;
}

/** The hand-written receivers' work on one delivery; resolves once it is committed. */
export type DeliveryHandler = (body: Buffer, headers: IncomingMessage['headers']) => Promise<void>;

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** A node:http server on a free port running `handle` per request (a raw handler or a body handler). */
export async function listen(
  handle: ((req: IncomingMessage, res: ServerResponse) => Promise<void>) | { body: DeliveryHandler },
): Promise<{ url: string; close(): Promise<void> }> {
  const onRequest =
    typeof handle === 'function'
      ? handle
      : async (req: IncomingMessage, res: ServerResponse) => {
          try {
            await handle.body(await readBody(req), req.headers);
            res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
          } catch (error) {
            res.writeHead(500, { 'content-type': 'text/plain' }).end(String((error as Error).message));
          }
        };
  const server: Server = createServer((req, res) => void onRequest(req, res));
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The `x-terra-ordering-timestamp` of a delivery, or now when it has none (it then counts as newest). */
export function orderingTsOf(headers: IncomingMessage['headers']): number {
  const raw = Number(headers['x-terra-ordering-timestamp']);
  return Number.isSafeInteger(raw) ? raw : Date.now();
}

/** The SQL that counts a user's rows in the data tables. */
export const COUNT_SQL = `SELECT (SELECT count(*) FROM terra_activity WHERE user_id = $1)
  + (SELECT count(*) FROM terra_sleep WHERE user_id = $1) + (SELECT count(*) FROM terra_daily WHERE user_id = $1)
  + (SELECT count(*) FROM terra_body WHERE user_id = $1) + (SELECT count(*) FROM terra_nutrition WHERE user_id = $1)
  + (SELECT count(*) FROM terra_menstruation WHERE user_id = $1) AS n`;
