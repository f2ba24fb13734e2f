// Terra webhooks in a Fastify app. Run: TERRA_WEBHOOK_SECRET=... PORT=3000 npx tsx server.ts
import Fastify from 'fastify';
import { createNodeWebhookHandler, TerraWebhooks, type WebhookHandlers } from 'terra-ts';

const webhooks = new TerraWebhooks({ secret: process.env.TERRA_WEBHOOK_SECRET });

const handlers = {
  auth: (event) => console.log(`terra webhook: auth ${event.user.user_id} reference=${event.reference_id}`),
  sleep: (event) => console.log(`terra webhook: sleep ${event.user?.user_id} nights=${event.data.length}`),
  activity: (event) =>
    console.log(`terra webhook: activity ${event.user?.user_id} workouts=${event.data.length}`),
  unknown: (event) => console.log(`terra webhook: unknown type ${event.type}`),
} satisfies WebhookHandlers;

const app = Fastify();

// The signature covers the raw bytes: in this scope JSON bodies stay a Buffer.
app.register(async (scope) => {
  scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) =>
    done(null, body),
  );
  const handler = createNodeWebhookHandler(webhooks, handlers);
  scope.post('/webhooks/terra', (request, reply) => handler(request, reply));
});
app.get('/health', async () => ({ ok: true }));

const url = await app.listen({ port: Number(process.env.PORT ?? 3000), host: '127.0.0.1' });
console.log(`listening on ${url}/webhooks/terra`);
