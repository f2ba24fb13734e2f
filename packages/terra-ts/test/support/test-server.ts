import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the server received. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
  bytes: Buffer;
}

/** How the server answers. An object or array `body` is sent as JSON. */
export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Wait this long before answering (for timeout and abort tests). */
  delayMs?: number;
  /** Send the headers and part of the body, then cut the connection. */
  cutAfterBytes?: number;
  /** Send the headers and part of the body, then stall (never finish). */
  stallAfterBytes?: number;
  /** Drop the connection without answering. */
  drop?: boolean;
}

export type Handler = (req: RecordedRequest) => Reply | Promise<Reply>;

/** A real HTTP server on 127.0.0.1, port 0, recording every request. */
export interface TestServer {
  url: string;
  /** `url + '/v2'`. */
  baseUrl: string;
  requests: RecordedRequest[];
  /** Requests being handled right now, and the most at once so far. */
  inFlight: { now: number; max: number };
  setHandler(handler: Handler): void;
  close(): Promise<void>;
}

export async function startTestServer(
  handler: Handler = () => ({ body: { status: 'success' } }),
): Promise<TestServer> {
  let current = handler;
  const requests: RecordedRequest[] = [];
  const inFlight = { now: 0, max: 0 };
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const recorded: RecordedRequest = {
      method: req.method ?? '',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body: bytes.toString('utf8'),
      bytes,
    };
    requests.push(recorded);
    inFlight.now++;
    inFlight.max = Math.max(inFlight.max, inFlight.now);
    try {
      const reply = await current(recorded);
      if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
      send(res, reply);
    } catch (error) {
      send(res, { status: 599, body: { message: String(error) } });
    } finally {
      inFlight.now--;
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    baseUrl: `${url}/v2`,
    requests,
    inFlight,
    setHandler(next) {
      current = next;
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

function send(res: ServerResponse, reply: Reply): void {
  if (res.destroyed) return;
  if (reply.drop) {
    res.socket?.destroy();
    return;
  }
  const isText = typeof reply.body === 'string' || reply.body === undefined;
  const text = reply.body === undefined ? '' : isText ? (reply.body as string) : JSON.stringify(reply.body);
  const headers: Record<string, string> = { ...(reply.headers ?? {}) };
  if (!isText && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
    headers['content-type'] = 'application/json';
  }
  const bytes = Buffer.from(text, 'utf8');
  if (reply.cutAfterBytes !== undefined) {
    res.writeHead(reply.status ?? 200, { ...headers, 'content-length': String(bytes.length) });
    res.write(bytes.subarray(0, reply.cutAfterBytes), () => res.socket?.destroy());
    return;
  }
  if (reply.stallAfterBytes !== undefined) {
    res.writeHead(reply.status ?? 200, { ...headers, 'content-length': String(bytes.length) });
    res.write(bytes.subarray(0, reply.stallAfterBytes));
    return;
  }
  res.writeHead(reply.status ?? 200, headers);
  res.end(bytes);
}

/** Credentials the tests use; the key is distinctive so that a leak is easy to spot. */
export const TEST_API_KEY = 'tk_live_SECRET_9f8e7d6c5b4a';
export const TEST_DEV_ID = 'test-dev-id';
