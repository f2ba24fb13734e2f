// A TCP proxy that holds every chunk for a fixed time in each direction: the bench's stand-in for the
// network between an application and a managed PostgreSQL server (RDS, Neon, Supabase), where every
// round trip costs what the link costs, not what loopback does.
import { createConnection, createServer, type Socket } from 'node:net';

/** A running proxy: connect to `127.0.0.1:port` to reach the target through the delay. */
export interface LatencyProxy {
  readonly port: number;
  /** `url` (a `postgres://` URL of the target) rewritten to go through this proxy. */
  via(url: string): string;
  close(): Promise<void>;
}

/** Forwards `from`'s data to `to` after `delayMs`, in order, however the chunks arrive. */
function delayedPipe(from: Socket, to: Socket, delayMs: number): void {
  const queue: { chunk: Buffer; due: number }[] = [];
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    timer = undefined;
    const now = performance.now();
    while (queue.length > 0 && (queue[0]?.due ?? 0) <= now)
      to.write((queue.shift() as { chunk: Buffer }).chunk);
    if (queue.length > 0) timer = setTimeout(flush, Math.max(0, (queue[0]?.due ?? now) - now));
  };
  from.on('data', (chunk: Buffer) => {
    queue.push({ chunk, due: performance.now() + delayMs });
    if (timer === undefined) timer = setTimeout(flush, delayMs);
  });
  from.on('end', () => {
    const ends = () => (queue.length === 0 ? to.end() : setTimeout(ends, delayMs));
    ends();
  });
}

/**
 * Starts a proxy to the host and port of `targetUrl` that delays each direction by `oneWayMs` (Node's timers
 * fire no sooner than 1 ms, so that is the smallest delay it adds; a round trip then costs about 2 ms,
 * a managed server in another availability zone or reached from a serverless function).
 */
export async function startLatencyProxy(targetUrl: string, oneWayMs: number): Promise<LatencyProxy> {
  const target = new URL(targetUrl);
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = createConnection({ host: target.hostname, port: Number(target.port) });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.setNoDelay(true);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    delayedPipe(client, upstream, oneWayMs);
    delayedPipe(upstream, client, oneWayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    port,
    via(url) {
      const through = new URL(url);
      through.hostname = '127.0.0.1';
      through.port = String(port);
      return through.toString();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
