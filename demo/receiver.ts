import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createStoreNodeWebhookHandler, type TerraStore } from 'terra-store';
import type { TerraWebhooks } from 'terra-ts';

/** The demo's own webhook endpoint: terra-store's durable handler, on a free local port. */
export interface WebhookReceiver {
  /** Where Terra (here, the sandbox) should POST webhooks. */
  readonly webhookUrl: string;
  /** Where the connect flow sends the user after success or failure. */
  readonly redirectUrl: (outcome: 'connected' | 'failed') => string;
  /** How many deliveries were refused, by status code. */
  readonly refused: Map<number, number>;
  close(): Promise<void>;
}

/**
 * Starts an HTTP server whose `/webhooks` route is terra-store's Node handler: it verifies the signature
 * with terra-ts, commits the raw delivery to the store's inbox and only then answers 200; the store
 * processes it into its tables right after. A forged delivery is answered 401 and never stored.
 */
export async function startWebhookReceiver(
  store: TerraStore,
  webhooks: TerraWebhooks,
): Promise<WebhookReceiver> {
  const refused = new Map<number, number>();
  const handle = createStoreNodeWebhookHandler(store, webhooks);
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/webhooks') {
      res.on('finish', () => {
        if (res.statusCode >= 400) refused.set(res.statusCode, (refused.get(res.statusCode) ?? 0) + 1);
      });
      void handle(req, res);
      return;
    }
    res.writeHead(200, { 'content-type': 'text/plain' }).end(`${path?.slice(1)}\n`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    webhookUrl: `${origin}/webhooks`,
    redirectUrl: (outcome) => `${origin}/${outcome}`,
    refused,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
