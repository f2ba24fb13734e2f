import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Receiver, startReceiver } from '../support/receiver.js';
import { GARMIN_USER, startTestSandbox, type TestSandbox } from '../support/sandbox.js';

let t: TestSandbox;
let receiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver();
  t = await startTestSandbox();
});
afterAll(async () => {
  await t.sandbox.close();
  await receiver.close();
});

const resend = (id: string) => t.json(`/sandbox/api/deliveries/${id}/resend`, { method: 'POST' });

describe('resending a delivery', () => {
  it('sends a failed delivery again, as a new delivery with the same payload, once there is somewhere to send it', async () => {
    // No webhook URL: the event is recorded as failed at once.
    const failed = t.sandbox.triggerEvent('connection_error', GARMIN_USER);
    expect(failed.status).toBe('failed');
    const nowhere = await resend(failed.id);
    expect(nowhere.status).toBe(409);
    expect(nowhere.body.detail).toContain('no webhook URL is configured');

    t.sandbox.setWebhookUrl(receiver.url);
    const again = await resend(failed.id);
    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(failed.id);
    expect(again.body.reference).toBe(failed.reference);
    const hooks = await receiver.waitFor((all) => all.some((h) => h.body === failed.payload));
    const hook = hooks.find((h) => h.body === failed.payload);
    expect(hook?.headers['terra-signature']).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    const all = await t.sandbox.waitForDeliveries((list) =>
      list.some((d) => d.id === again.body.id && d.status === 'delivered'),
    );
    expect(all.find((d) => d.id === failed.id)?.status).toBe('failed');
  });

  it('refuses an unknown id (404) and a delivery still in flight (409)', async () => {
    expect((await resend('no-such-delivery')).status).toBe(404);
    t.sandbox.setWebhookUrl('http://127.0.0.1:9/unreachable');
    const pending = t.sandbox.triggerEvent('permission_change', GARMIN_USER);
    const res = await resend(pending.id);
    expect(res.status).toBe(409);
    expect(res.body.detail).toMatch(/is still (pending|retrying); resend it once it is delivered or failed/);
    t.sandbox.setWebhookUrl(receiver.url);
  });

  it('needs the credentials, like the rest of the control API', async () => {
    const [first] = t.sandbox.deliveries();
    expect(
      (await t.call(`/sandbox/api/deliveries/${first?.id}/resend`, { method: 'POST', auth: false })).status,
    ).toBe(401);
  });
});
