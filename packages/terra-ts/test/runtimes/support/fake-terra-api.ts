import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sleepPayload, terraUser } from './payloads.js';

/** Credentials the fake API accepts; every other key is answered with 401. */
export const fakeCredentials = { apiKey: 'rt-test-api-key-3f9a', devId: 'rt-test-dev-id' } as const;

/** The user id the fake API does not know: data calls for it answer 404 problem+json. */
export const unknownUserId = 'no-such-user';

/** One request as the fake API saw it. */
export interface SeenRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  apiKey: string | undefined;
  devId: string | undefined;
}

/** A running fake Terra API on 127.0.0.1 (port 0), answering the few v2 routes the runtime scenarios call. */
export interface FakeTerraApi {
  /** `http://127.0.0.1:<port>/v2`, the value for `new Terra({ baseUrl })`. */
  baseUrl: string;
  /** Every request received, oldest first. */
  requests: SeenRequest[];
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: unknown, contentType = 'application/json'): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function problem(res: ServerResponse, status: number, title: string, instance: string, detail: string): void {
  send(res, status, { type: 'about:blank', title, instance, detail }, 'application/problem+json');
}

function route(req: IncomingMessage, res: ServerResponse, seen: SeenRequest, instance: string): void {
  // /integrations is public in Terra, so it is answered without checking credentials.
  if (seen.method === 'GET' && seen.path === '/v2/integrations') {
    send(res, 200, { status: 'success', providers: ['GARMIN', 'FITBIT', 'OURA'], sdk_providers: ['APPLE'] });
    return;
  }
  if (seen.apiKey !== fakeCredentials.apiKey || seen.devId !== fakeCredentials.devId) {
    problem(res, 401, 'unauthorized', instance, 'dev-id or x-api-key headers are missing');
    return;
  }
  if (seen.method === 'GET' && seen.path === '/v2/sleep') {
    if (seen.query.user_id === unknownUserId) {
      problem(res, 404, 'not found', instance, 'user not found');
      return;
    }
    send(res, 200, { user: terraUser, data: sleepPayload.data, type: 'sleep' });
    return;
  }
  req.resume();
  problem(res, 404, 'not found', instance, `no route for ${seen.method} ${seen.path}`);
}

/** Starts the fake API; close it in `afterAll`. */
export async function startFakeTerraApi(): Promise<FakeTerraApi> {
  const requests: SeenRequest[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const header = (name: string) => {
      const value = req.headers[name];
      return Array.isArray(value) ? value[0] : value;
    };
    const seen: SeenRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      apiKey: header('x-api-key'),
      devId: header('dev-id'),
    };
    requests.push(seen);
    route(req, res, seen, url.pathname + url.search);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v2`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
