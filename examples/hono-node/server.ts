// Terra webhooks in a Hono app on Node (@hono/node-server). Run: TERRA_WEBHOOK_SECRET=... PORT=3000 npx tsx server.ts
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createFetchWebhookHandler, TerraWebhooks, type WebhookHandlers } from 'terra-ts';

const webhooks = new TerraWebhooks({ secret: process.env.TERRA_WEBHOOK_SECRET });

const handlers = {
  auth: (event) => console.log(`terra webhook: auth ${event.user.user_id} reference=${event.reference_id}`),
  sleep: (event) => console.log(`terra webhook: sleep ${event.user?.user_id} nights=${event.data.length}`),
  activity: (event) =>
    console.log(`terra webhook: activity ${event.user?.user_id} workouts=${event.data.length}`),
  unknown: (event) => console.log(`terra webhook: unknown type ${event.type}`),
} satisfies WebhookHandlers;

const terraWebhook = createFetchWebhookHandler(webhooks, handlers);

const app = new Hono();
// c.req.raw is the untouched Request: its body is still the bytes Terra signed.
app.post('/webhooks/terra', (c) => terraWebhook(c.req.raw));
app.get('/health', (c) => c.json({ ok: true }));

serve({ fetch: app.fetch, port: Number(process.env.PORT ?? 3000), hostname: '127.0.0.1' }, (info) => {
  console.log(`listening on http://127.0.0.1:${info.port}/webhooks/terra`);
});
