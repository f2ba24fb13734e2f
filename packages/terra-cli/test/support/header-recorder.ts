import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as it arrived on the wire. */
export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

/** A node:http server on 127.0.0.1 that keeps every request's headers and answers like Terra's provider list. */
export interface HeaderRecorder {
  /** Origin plus `/v2`, for `--base-url`. */
  baseUrl: string;
  /** Every request received so far, in order. */
  requests: RecordedRequest[];
  close(): Promise<void>;
}

// Just enough of Terra's answers for `terra providers` to print a list.
const LIST = JSON.stringify({ status: 'success', providers: ['GARMIN', 'OURA'], sdk_providers: ['APPLE'] });
const DETAILED = JSON.stringify({
  status: 'success',
  providers: [{ provider: 'GARMIN', name: 'Garmin', enabled: true, types: { sleep: true } }],
});

/** Starts a {@link HeaderRecorder} on a free port of `host` (default 127.0.0.1). */
export async function startHeaderRecorder(host = '127.0.0.1'): Promise<HeaderRecorder> {
  const requests: RecordedRequest[] = [];
  const server = createServer((request, response) => {
    const url = request.url ?? '';
    requests.push({ method: request.method ?? '', url, headers: request.headers });
    const body = url.startsWith('/v2/integrations/detailed')
      ? DETAILED
      : url.startsWith('/v2/integrations')
        ? LIST
        : undefined;
    response.writeHead(body === undefined ? 404 : 200, { 'content-type': 'application/json' });
    response.end(body ?? JSON.stringify({ status: 'error', message: 'not found' }));
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://${host.includes(':') ? `[${host}]` : host}:${port}/v2`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
