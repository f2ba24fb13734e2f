// Next.js App Router route handler: app/api/webhooks/terra/route.ts answers POST /api/webhooks/terra.
// Set TERRA_WEBHOOK_SECRET in the environment (e.g. .env.local). The handler reads the raw body itself.
import { createFetchWebhookHandler, TerraWebhooks, type WebhookHandlers } from 'terra-ts';

// Node runtime or Edge: terra-ts runs on both.
export const runtime = 'nodejs';

const handlers = {
  auth: (event) => console.log(`terra webhook: auth ${event.user.user_id} reference=${event.reference_id}`),
  sleep: (event) => console.log(`terra webhook: sleep ${event.user?.user_id} nights=${event.data.length}`),
  activity: (event) =>
    console.log(`terra webhook: activity ${event.user?.user_id} workouts=${event.data.length}`),
  unknown: (event) => console.log(`terra webhook: unknown type ${event.type}`),
} satisfies WebhookHandlers;

const handle = createFetchWebhookHandler(
  new TerraWebhooks({ secret: process.env.TERRA_WEBHOOK_SECRET }),
  handlers,
);

/** POST /api/webhooks/terra: verifies the signature, parses the event, runs the handler; 401 when forged. */
export async function POST(request: Request): Promise<Response> {
  return handle(request);
}
