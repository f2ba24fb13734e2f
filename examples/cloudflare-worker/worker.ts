// A Cloudflare Worker that receives Terra webhooks. Deploy with wrangler (wrangler.toml next to this file);
// set the secret with `wrangler secret put TERRA_WEBHOOK_SECRET`. No Node compatibility flag is needed.
import { createFetchWebhookHandler, TerraWebhooks, type WebhookHandlers } from 'terra-ts';

/** The Worker's bindings. */
export interface Env {
  TERRA_WEBHOOK_SECRET: string;
}

const handlers = {
  auth: (event) => console.log(`terra webhook: auth ${event.user.user_id} reference=${event.reference_id}`),
  sleep: (event) => console.log(`terra webhook: sleep ${event.user?.user_id} nights=${event.data.length}`),
  activity: (event) =>
    console.log(`terra webhook: activity ${event.user?.user_id} workouts=${event.data.length}`),
  unknown: (event) => console.log(`terra webhook: unknown type ${event.type}`),
} satisfies WebhookHandlers;

let handle: ((request: Request) => Promise<Response>) | undefined;

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname !== '/webhooks/terra') return new Response('not found', { status: 404 });
    // Built once per isolate, from the secret binding.
    handle ??= createFetchWebhookHandler(new TerraWebhooks({ secret: env.TERRA_WEBHOOK_SECRET }), handlers);
    return handle(request);
  },
};
