import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A small load balancer in front of several receivers. */
export interface RoundRobinFront {
  readonly url: string;
  close(): Promise<void>;
}

function forward(
  target: string,
  method: string,
  path: string,
  headers: Record<string, string | string[] | undefined>,
  body: Buffer,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, target);
    const upstream = request(url, { method, headers, timeout: 30_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    upstream.on('timeout', () => upstream.destroy(new Error('upstream timed out')));
    upstream.on('error', reject);
    upstream.end(body);
  });
}

/**
 * Passes each request to the next of `targets` in turn, as a load balancer would; a target that refuses the
 * connection is skipped for the next one. A request no target answered gets 502 (the sender retries).
 */
export async function startRoundRobinFront(targets: readonly string[]): Promise<RoundRobinFront> {
  let next = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const body = Buffer.concat(chunks);
      const headers = { ...req.headers, connection: 'keep-alive' };
      for (let tried = 0; tried < targets.length; tried++) {
        const target = targets[next++ % targets.length] as string;
        try {
          const answer = await forward(target, req.method ?? 'POST', req.url ?? '/', headers, body);
          res.writeHead(answer.status, {
            'content-type': String(answer.headers['content-type'] ?? 'text/plain'),
            ...(answer.headers['retry-after']
              ? { 'retry-after': String(answer.headers['retry-after']) }
              : {}),
          });
          res.end(answer.body);
          return;
        } catch (error) {
          // A receiver that died after reading the request may have stored it: the sender's retry is the
          // only safe answer then, so only a refused connection moves on to the next target.
          if ((error as NodeJS.ErrnoException).code !== 'ECONNREFUSED') break;
        }
      }
      res.writeHead(502, { 'content-type': 'text/plain' }).end('no receiver answered');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/terra`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
