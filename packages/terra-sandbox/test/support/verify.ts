import { isTerraWebhookEvent, Terra, type TerraWebhookResponse } from 'terra-ts';
import type { Received } from './receiver.js';

const client = (secret: string) => new Terra({ apiKey: 'unused', devId: 'unused', secret });

/** Verifies a received webhook's signature with terra-ts, an implementation independent of the sandbox. */
export async function verifiedByTerraTs(hook: Received, secret: string): Promise<boolean> {
  const header = hook.headers['terra-signature'];
  return client(secret).checkTerraSignature(hook.body, typeof header === 'string' ? header : undefined);
}

/**
 * Verifies and parses a received webhook with terra-ts, and fails unless terra-ts recognises it as
 * a known event type: the sandbox's payloads must be what a real client understands.
 */
export async function parsedByTerraTs(hook: Received, secret: string): Promise<TerraWebhookResponse> {
  const response = await client(secret).handleWebhook(hook.body, undefined, hook.headers);
  if (!isTerraWebhookEvent(response.event)) {
    throw new Error(
      `terra-ts did not recognise the ${String(hook.json.type)} payload: ${hook.body.slice(0, 300)}`,
    );
  }
  return response;
}
