import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A server that puts the API key it receives into the data it answers with, as a hostile or careless one might. */
export interface EchoServer {
  /** Origin plus `/v2`, for `--base-url`. */
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * Starts an {@link EchoServer} on 127.0.0.1: `GET /v2/subscriptions` lists one user whose `reference_id` holds the
 * received `x-api-key` between `before` and `after`, so a table cell cut to the terminal width would cut the key.
 */
export async function startEchoServer(before: string, after: string): Promise<EchoServer> {
  const server = createServer((request, response) => {
    const key = String(request.headers['x-api-key'] ?? '');
    const users = [
      {
        user_id: '00000000-0000-4000-8000-000000000001',
        provider: 'GARMIN',
        reference_id: `${before}${key}${after}`,
        active: true,
        created_at: '2024-01-02T03:04:05Z',
        last_webhook_update: null,
        scopes: null,
      },
    ];
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ status: 'success', users, next: null }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v2`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
