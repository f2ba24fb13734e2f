import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createNodeWebhookHandler, type TerraWebhookResponse, type TerraWebhooks } from 'terra-ts';

/** The demo's own webhook endpoint: what an integration runs in production, on a free local port. */
export interface WebhookReceiver {
  /** Where Terra (here, the sandbox) should POST webhooks. */
  readonly webhookUrl: string;
  /** Where the connect flow sends the user after success or failure. */
  readonly redirectUrl: (outcome: 'connected' | 'failed') => string;
  /** Every verified delivery, in arrival order. */
  readonly deliveries: TerraWebhookResponse[];
  /** How many deliveries were refused, by reason status code. */
  readonly refused: Map<number, number>;
  close(): Promise<void>;
}

/**
 * Starts an HTTP server whose `/webhooks` route is terra-ts's Node handler: it verifies the signature,
 * parses the event and hands it to us; a forged or replayed delivery is answered 400/401 and never seen.
 */
export async function startWebhookReceiver(webhooks: TerraWebhooks): Promise<WebhookReceiver> {
  const deliveries: TerraWebhookResponse[] = [];
  const refused = new Map<number, number>();
  const handle = createNodeWebhookHandler(webhooks, (_event, delivery) => {
    deliveries.push(delivery);
  });
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
    deliveries,
    refused,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
