import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BodyTooLargeError, readBody } from '../http/read-body.js';
import type { RawDelivery } from './delivery.js';

/** Terra sends data events of tens of megabytes; beyond this a delivery is refused with 413. */
const MAX_BODY_BYTES = 200 * 1024 * 1024;

/** What the receiver answers for one delivery. */
export interface DeliveryVerdict {
  status: number;
  body: Record<string, unknown>;
}

/** A running local webhook receiver. */
export interface Receiver {
  /** `http://host:port/`, with the real port when 0 was asked. */
  url: string;
  close(): Promise<void>;
}

function headersOf(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

function reply(response: ServerResponse, verdict: DeliveryVerdict): void {
  response.writeHead(verdict.status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(verdict.body));
}

/**
 * Starts an HTTP server that hands every POST body, as raw bytes with its headers, to `handle` and answers with
 * its verdict. Any path is accepted, so the URL works whatever path the webhook destination was given.
 */
export async function startReceiver(options: {
  host: string;
  port: number;
  handle: (delivery: RawDelivery) => Promise<DeliveryVerdict>;
}): Promise<Receiver> {
  const server: Server = createServer((request, response) => {
    if (request.method !== 'POST') {
      response.setHeader('allow', 'POST');
      reply(response, { status: 405, body: { error: 'webhooks are delivered with POST' } });
      return;
    }
    readBody(request, MAX_BODY_BYTES)
      .then((body) => options.handle({ body, headers: headersOf(request) }))
      .then((verdict) => reply(response, verdict))
      .catch((error: unknown) => {
        const tooLarge = error instanceof BodyTooLargeError;
        reply(response, {
          status: tooLarge ? 413 : 500,
          body: { error: tooLarge ? error.message : 'receiver error' },
        });
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
