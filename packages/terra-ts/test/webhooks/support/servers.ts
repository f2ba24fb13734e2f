import { createServer, type IncomingMessage, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A listening server and how to reach and stop it. */
export interface Running {
  url: string;
  close(): Promise<void>;
}

/** Listens on 127.0.0.1, port 0. */
export async function listen(server: Server): Promise<Running> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

/** A plain node:http server. */
export function serveNode(listener: RequestListener): Promise<Running> {
  return listen(createServer(listener));
}

async function toRequest(req: IncomingMessage, origin: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(name, value);
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  return new Request(new URL(req.url ?? '/', origin), {
    method: req.method ?? 'GET',
    headers,
    body: hasBody ? Buffer.concat(chunks) : undefined,
  });
}

/**
 * Serves a Fetch API handler over real HTTP (what Next.js, Hono's node-server, Bun and Deno do for it):
 * each request becomes a `Request`, the returned `Response` is written back.
 */
export async function serveFetch(
  handler: (request: Request) => Response | Promise<Response>,
): Promise<Running> {
  let origin = '';
  const running = await serveNode(async (req, res) => {
    const response = await handler(await toRequest(req, origin));
    res.statusCode = response.status;
    response.headers.forEach((value, name) => {
      res.setHeader(name, value);
    });
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  origin = running.url;
  return running;
}
