import { randomBytes } from 'node:crypto';
import { type Sandbox, startSandbox } from 'terra-sandbox';
import { Terra } from 'terra-ts';

/** A sandbox on port 0 with one connected Garmin user, and a client for it. */
export interface ExampleSandbox {
  sandbox: Sandbox;
  userId: string;
  /** A terra-ts client pointed at the sandbox (requests data to the webhook). */
  terra: Terra;
  close(): Promise<void>;
}

/** Starts the sandbox the examples receive webhooks from, with a signing secret of its own. */
export async function startExampleSandbox(): Promise<ExampleSandbox> {
  const sandbox = await startSandbox({
    port: 0,
    secret: `examples-secret-${randomBytes(8).toString('hex')}`,
    users: [{ provider: 'GARMIN', reference_id: 'examples-user' }],
    webhookRetryBaseMs: 50,
  });
  const [user] = sandbox.users();
  if (!user) throw new Error('the sandbox started without its user');
  const terra = new Terra({ apiKey: sandbox.apiKey, devId: sandbox.devId, baseUrl: sandbox.baseUrl });
  return { sandbox, userId: user.user_id, terra, close: () => sandbox.close() };
}

/** What an example receiving one auth event and one sleep delivery should show. */
export interface DeliveryOutcome {
  /** The sandbox's record of each delivery to the example: type and final status. */
  deliveries: Array<{ type: string; status: string; answered: number | undefined }>;
  /** The number of sleep records in the sleep delivery. */
  nights: number;
  /** What the example answered to the same sleep body with a forged signature. */
  forgedStatus: number;
}

/**
 * Points the sandbox's webhooks at `url`, triggers an `auth` event and a sleep data request to the
 * webhook, waits for both deliveries to settle, then posts a forged copy of the sleep body.
 */
export async function deliverTo(example: ExampleSandbox, url: string): Promise<DeliveryOutcome> {
  const { sandbox, userId, terra } = example;
  sandbox.setWebhookUrl(url);
  await sandbox.triggerEvent('auth', userId);
  await terra.getSleepForUser(userId, { startDate: '2026-11-20', endDate: '2026-11-21', toWebhook: true });
  const settled = await sandbox.waitForDeliveries((all) => {
    const mine = all.filter((delivery) => delivery.url === url);
    return (
      mine.some((delivery) => delivery.type === 'sleep') &&
      mine.some((delivery) => delivery.type === 'auth') &&
      mine.every((delivery) => delivery.status === 'delivered' || delivery.status === 'failed')
    );
  }, 20_000);
  const mine = settled.filter((delivery) => delivery.url === url);
  const sleep = mine.find((delivery) => delivery.type === 'sleep');
  const forged = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'terra-signature': `t=${Math.floor(Date.now() / 1000)},v1=${'0'.repeat(64)}`,
    },
    body: sleep?.payload ?? '{}',
  });
  await forged.arrayBuffer();
  return {
    deliveries: mine.map((delivery) => ({
      type: delivery.type,
      status: delivery.status,
      answered: delivery.attempts.at(-1)?.status,
    })),
    nights: (JSON.parse(sleep?.payload ?? '{"data":[]}') as { data: unknown[] }).data.length,
    forgedStatus: forged.status,
  };
}

/** The lines every example prints for the two deliveries. */
export function expectedLines(userId: string, nights: number): string[] {
  return [
    `terra webhook: auth ${userId} reference=examples-user`,
    `terra webhook: sleep ${userId} nights=${nights}`,
  ];
}
