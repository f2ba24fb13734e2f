import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the probe server received. */
export interface ProbedRequest {
  /** The first path segment: which case of the probe sent it. */
  prefix: string;
  method: string;
  /** The path after the prefix (`/v2/integrations`). */
  path: string;
  /** Node's fetch (undici) sends `sec-fetch-mode: cors`; the node:http transport sends none. */
  viaFetch: boolean;
  apiKey: string | undefined;
  body: string;
}

/** A loopback server that answers the two calls of fixtures/transport-probe.mjs and records them. */
export interface ProbeServer {
  origin: string;
  requests: ProbedRequest[];
  close(): Promise<void>;
}

/** Starts the probe server on 127.0.0.1, port 0. */
export async function startProbeServer(): Promise<ProbeServer> {
  const requests: ProbedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const [, prefix = '', ...rest] = url.pathname.split('/');
      const path = `/${rest.join('/')}`;
      const apiKey = req.headers['x-api-key'];
      requests.push({
        prefix,
        method: req.method ?? 'GET',
        path,
        viaFetch: req.headers['sec-fetch-mode'] !== undefined,
        apiKey: Array.isArray(apiKey) ? apiKey[0] : apiKey,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      const body =
        path === '/v2/integrations'
          ? { status: 'success', providers: ['GARMIN', 'OURA'] }
          : path === '/v2/auth/generateWidgetSession'
            ? {
                status: 'success',
                session_id: `session-${prefix}`,
                url: 'https://widget.example',
                expires_in: 900,
              }
            : { status: 'error', message: `no route for ${path}` };
      const text = JSON.stringify(body);
      res.writeHead(path.startsWith('/v2/') && 'status' in body && body.status === 'success' ? 200 : 404, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(text),
      });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
