import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createStoreNodeWebhookHandler, type TerraStore } from 'terra-store';
import { TerraWebhooks } from 'terra-ts';
import { generateTestSignatureHeader } from 'terra-ts/testing';

/** The signing secret the store tests use. */
export const TEST_SECRET = 'store-test-signing-secret';

/** A real HTTP server on 127.0.0.1 whose `/webhooks` is the store's Node handler. */
export interface StoreServer {
  readonly url: string;
  /** Signs `body` with {@link TEST_SECRET} and POSTs it with extra headers; resolves with status and JSON. */
  post(
    body: string,
    headers?: Record<string, string>,
  ): Promise<{ status: number; json: Record<string, unknown>; headers: Headers }>;
  close(): Promise<void>;
}

/** Starts the store's webhook endpoint on a free port. */
export async function startStoreServer(store: TerraStore, secret = TEST_SECRET): Promise<StoreServer> {
  const handle = createStoreNodeWebhookHandler(store, new TerraWebhooks({ secret }));
  const server: Server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`;
  return {
    url,
    async post(body, headers = {}) {
      const signature = await generateTestSignatureHeader({ payload: body, secret });
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'terra-signature': signature, ...headers },
        body,
      });
      return {
        status: response.status,
        json: (await response.json()) as Record<string, unknown>,
        headers: response.headers,
      };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
