import { describe, expect, it } from 'vitest';
import type { Receiver } from '../support/receiver.js';
import { GARMIN_USER } from '../support/sandbox.js';
import { assertResponse, assertSchema } from '../support/schemas.js';
import { useSandboxWithReceiver } from '../support/use-sandbox-with-receiver.js';
import { parsedByTerraTs, verifiedByTerraTs } from '../support/verify.js';

const { t, receiver } = useSandboxWithReceiver();

const withReference = (reference: string) => (all: Array<{ headers: Record<string, unknown> }>) =>
  all.filter((h) => h.headers['terra-reference'] === reference);

describe('to_webhook data requests', () => {
  it('acknowledges, then delivers the data signed to the webhook URL', async () => {
    const { status, body } = await t.json(
      `/v2/sleep?user_id=${GARMIN_USER}&start_date=2026-02-01&end_date=2026-02-03`,
    );
    expect(status).toBe(200);
    assertResponse('GET', '/sleep', 200, body);
    assertSchema('../v2-bundled.json#/components/schemas/DataSentToWebhook', body);
    expect(body).toMatchObject({ status: 'success', type: 'sleep', trace_id: body.reference });
    expect(body).not.toHaveProperty('message');

    const [hook] = withReference(body.reference)(
      await receiver.waitFor((all) => withReference(body.reference)(all).length === 1),
    ) as typeof receiver.received;
    expect(hook?.json.type).toBe('sleep');
    assertSchema('SleepEvent.yaml', hook?.json);
    expect(await verifiedByTerraTs(hook as Receiver['received'][number], t.sandbox.secret)).toBe(true);
    expect(hook?.headers['x-terra-signature']).toBe(hook?.headers['terra-signature']);
    expect(hook?.headers['x-terra-trace-id']).toBe(body.reference);
    expect(Number(hook?.headers['x-terra-ordering-timestamp'])).toBeGreaterThan(1_700_000_000_000);
  });

  it('a wrong secret does not verify (the check is real)', async () => {
    await receiver.waitFor((all) => all.length > 0);
    expect(
      await verifiedByTerraTs(receiver.received[0] as Receiver['received'][number], 'another-secret'),
    ).toBe(false);
  });

  it('delivers the athlete profile as an athlete event', async () => {
    const { body } = await t.json(`/v2/athlete?user_id=${GARMIN_USER}`);
    expect(body.type).toBe('athlete');
    const hooks = await receiver.waitFor((all) => withReference(body.reference)(all).length === 1);
    const hook = withReference(body.reference)(hooks)[0] as (typeof receiver.received)[number];
    assertSchema('AthleteEvent.yaml', hook.json);
    expect((await parsedByTerraTs(hook, t.sandbox.secret)).type).toBe('athlete');
  });

  it('sends a range over one month as processing, sending with expected_payloads, then chunks', async () => {
    const { body } = await t.json(
      `/v2/daily?user_id=${GARMIN_USER}&start_date=2026-01-01&end_date=2026-03-15`,
    );
    expect(body.message).toContain('Large request');
    const ref = body.reference as string;
    const mine = () => withReference(ref)(receiver.received) as typeof receiver.received;
    await receiver.waitFor(() => {
      const sending = mine().find((h) => h.json.type === 'large_request_sending');
      return sending !== undefined && mine().length === 2 + (sending.json.expected_payloads as number);
    });
    const hooks = mine();
    expect(hooks[0]?.json.type).toBe('large_request_processing');
    assertSchema('LargeRequestProcessingEvent.yaml', hooks[0]?.json);
    expect(hooks[1]?.json.type).toBe('large_request_sending');
    assertSchema('LargeRequestSendingEvent.yaml', hooks[1]?.json);
    expect(hooks[1]?.json.expected_payloads).toBe(3);
    const chunks = hooks.slice(2);
    expect(chunks.map((h) => h.headers['x-terra-trace-id'])).toEqual([
      `${ref}:chunk:1`,
      `${ref}:chunk:2`,
      `${ref}:chunk:3`,
    ]);
    for (const hook of hooks) {
      const parsed = await parsedByTerraTs(hook, t.sandbox.secret);
      expect(parsed.delivery.reference).toBe(ref);
    }
    for (const chunk of chunks) {
      expect(chunk.json.type).toBe('daily');
      assertSchema('DailyEvent.yaml', chunk.json);
      expect(await verifiedByTerraTs(chunk, t.sandbox.secret)).toBe(true);
    }
  });

  it('records every delivery with its attempts, without the secret', async () => {
    const deliveries = t.sandbox.deliveries();
    expect(deliveries.length).toBeGreaterThan(0);
    const delivered = deliveries.find((d) => d.status === 'delivered');
    expect(delivered?.attempts[0]?.status, JSON.stringify(delivered?.attempts)).toBe(200);
    expect(JSON.stringify(deliveries)).not.toContain(t.sandbox.secret);
  });
});
