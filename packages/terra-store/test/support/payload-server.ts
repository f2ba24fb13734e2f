import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A stand-in for Terra's S3 bucket: serves one body, failing with 500 for the first `failures` requests. */
export interface PayloadServer {
  readonly url: string;
  /** Requests seen so far. */
  readonly hits: () => number;
  /** How many of the next requests fail. */
  setFailures(n: number): void;
  close(): Promise<void>;
}

/** Starts the server on 127.0.0.1 on a free port. */
export async function startPayloadServer(body: string, failures = 0): Promise<PayloadServer> {
  let hits = 0;
  let failing = failures;
  const server: Server = createServer((_req, res) => {
    hits += 1;
    if (failing > 0) {
      failing -= 1;
      res.writeHead(500, { 'content-type': 'text/plain' }).end('bucket unavailable');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/payload.json?X-Amz-Signature=x`,
    hits: () => hits,
    setFailures: (n) => {
      failing = n;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
