// Terra webhooks in an Express app. Run: TERRA_WEBHOOK_SECRET=... PORT=3000 npx tsx server.ts
// Point Terra's webhook destination (or `terra-sandbox --webhook-url`) at http://<host>:<port>/webhooks/terra.
import express from 'express';
import { createNodeWebhookHandler, TerraWebhooks, type WebhookHandlers } from 'terra-ts';

const webhooks = new TerraWebhooks({ secret: process.env.TERRA_WEBHOOK_SECRET });

const handlers = {
  auth: (event) => console.log(`terra webhook: auth ${event.user.user_id} reference=${event.reference_id}`),
  sleep: (event) => console.log(`terra webhook: sleep ${event.user?.user_id} nights=${event.data.length}`),
  activity: (event) =>
    console.log(`terra webhook: activity ${event.user?.user_id} workouts=${event.data.length}`),
  unknown: (event) => console.log(`terra webhook: unknown type ${event.type}`),
} satisfies WebhookHandlers;

const app = express();
// The signature covers the raw bytes: give this route the raw body (express.json() elsewhere is fine).
app.post(
  '/webhooks/terra',
  express.raw({ type: 'application/json' }),
  createNodeWebhookHandler(webhooks, handlers),
);
app.use(express.json());
app.get('/health', (_req, res) => {
  res.json({ ok: true });
});

const server = app.listen(Number(process.env.PORT ?? 3000), '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : process.env.PORT;
  console.log(`listening on http://127.0.0.1:${port}/webhooks/terra`);
});
