// Terra webhooks on Bun.serve. Run: TERRA_WEBHOOK_SECRET=... PORT=3000 bun server.ts
import { createFetchWebhookHandler, TerraWebhooks, type WebhookHandlers } from 'terra-ts';

// Bun's global, declared here so the file type-checks without bun-types.
declare const Bun: {
  serve(options: {
    port: number;
    hostname: string;
    fetch: (request: Request) => Promise<Response> | Response;
  }): {
    port: number;
  };
  env: Record<string, string | undefined>;
};

const handlers = {
  auth: (event) => console.log(`terra webhook: auth ${event.user.user_id} reference=${event.reference_id}`),
  sleep: (event) => console.log(`terra webhook: sleep ${event.user?.user_id} nights=${event.data.length}`),
  activity: (event) =>
    console.log(`terra webhook: activity ${event.user?.user_id} workouts=${event.data.length}`),
  unknown: (event) => console.log(`terra webhook: unknown type ${event.type}`),
} satisfies WebhookHandlers;

const terraWebhook = createFetchWebhookHandler(
  new TerraWebhooks({ secret: Bun.env.TERRA_WEBHOOK_SECRET }),
  handlers,
);

const server = Bun.serve({
  port: Number(Bun.env.PORT ?? 3000),
  hostname: '127.0.0.1',
  fetch: (request) =>
    new URL(request.url).pathname === '/webhooks/terra'
      ? terraWebhook(request)
      : new Response('not found', { status: 404 }),
});
console.log(`listening on http://127.0.0.1:${server.port}/webhooks/terra`);
