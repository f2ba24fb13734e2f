import { Terra } from 'terra-ts';
import type { Received } from './receiver.js';

/** Verifies a received webhook's signature with terra-ts, an implementation independent of the sandbox. */
export async function verifiedByTerraTs(hook: Received, secret: string): Promise<boolean> {
  const terra = new Terra({ apiKey: 'unused', devId: 'unused', secret });
  const header = hook.headers['terra-signature'];
  return terra.checkTerraSignature(hook.body, typeof header === 'string' ? header : undefined);
}
