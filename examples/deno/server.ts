// Terra webhooks on Deno.serve. Run: TERRA_WEBHOOK_SECRET=... PORT=3000 deno run --allow-net --allow-env server.ts
// (deno.json maps 'terra-ts' to npm:terra-ts.)
import { createFetchWebhookHandler, TerraWebhooks, type WebhookHandlers } from 'terra-ts';

// Deno's global, declared here so the file type-checks with the workspace's tsc as well.
declare const Deno: {
  serve(
    options: { port: number; hostname: string; onListen?: (address: { port: number }) => void },
    handler: (request: Request) => Promise<Response> | Response,
  ): unknown;
  env: { get(name: string): string | undefined };
};

const handlers = {
  auth: (event) => console.log(`terra webhook: auth ${event.user.user_id} reference=${event.reference_id}`),
  sleep: (event) => console.log(`terra webhook: sleep ${event.user?.user_id} nights=${event.data.length}`),
  activity: (event) =>
    console.log(`terra webhook: activity ${event.user?.user_id} workouts=${event.data.length}`),
  unknown: (event) => console.log(`terra webhook: unknown type ${event.type}`),
} satisfies WebhookHandlers;

const terraWebhook = createFetchWebhookHandler(
  new TerraWebhooks({ secret: Deno.env.get('TERRA_WEBHOOK_SECRET') }),
  handlers,
);

Deno.serve(
  {
    port: Number(Deno.env.get('PORT') ?? 3000),
    hostname: '127.0.0.1',
    onListen: ({ port }) => console.log(`listening on http://127.0.0.1:${port}/webhooks/terra`),
  },
  (request) =>
    new URL(request.url).pathname === '/webhooks/terra'
      ? terraWebhook(request)
      : new Response('not found', { status: 404 }),
);
