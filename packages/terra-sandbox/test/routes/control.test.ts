import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Receiver, startReceiver } from '../support/receiver.js';
import { startTestSandbox, type TestSandbox } from '../support/sandbox.js';
import { assertSchema } from '../support/schemas.js';

let t: TestSandbox;
let receiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver();
  t = await startTestSandbox({ users: [] });
});
afterAll(async () => {
  await t.sandbox.close();
  await receiver.close();
});

describe('control API', () => {
  it('requires the sandbox credentials', async () => {
    expect((await t.call('/sandbox/api/users', { auth: false })).status).toBe(401);
  });

  it('starts empty when users: [] and creates, gets and deletes users', async () => {
    expect((await t.json('/sandbox/api/users')).body).toEqual({ users: [] });
    const created = await t.json('/sandbox/api/users', {
      method: 'POST',
      body: JSON.stringify({ provider: 'garmin', reference_id: 'cli-user' }),
    });
    expect(created.status).toBe(201);
    assertSchema('TerraUser.yaml', created.body);
    expect(created.body).toMatchObject({ provider: 'GARMIN', reference_id: 'cli-user', active: true });
    const id = created.body.user_id;
    expect((await t.json(`/sandbox/api/users/${id}`)).body.user_id).toBe(id);
    // The new user is a real Terra user: the API sees it.
    expect((await t.call(`/v2/userInfo?user_id=${id}`)).status).toBe(200);
    expect((await t.call(`/sandbox/api/users/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await t.call(`/sandbox/api/users/${id}`, { method: 'DELETE' })).status).toBe(404);
  });

  it('refuses a user without a provider', async () => {
    const res = await t.json('/sandbox/api/users', { method: 'POST', body: '{}' });
    expect(res.status).toBe(400);
    expect(res.body.detail).toContain('provider');
  });

  it('sets the webhook URL, after which to_webhook requests deliver there', async () => {
    const bad = await t.json('/sandbox/api/webhook-url', { method: 'PUT', body: '{"url":"ftp://x"}' });
    expect(bad.status).toBe(400);
    const ok = await t.json('/sandbox/api/webhook-url', {
      method: 'PUT',
      body: JSON.stringify({ url: receiver.url }),
    });
    expect(ok.body).toEqual({ url: receiver.url });
    expect(t.sandbox.webhookUrl).toBe(receiver.url);
    const user = t.sandbox.createUser({ provider: 'OURA' });
    const ack = await t.json(`/v2/body?user_id=${user.user_id}&start_date=2026-01-01`);
    expect(ack.status).toBe(200);
    const hooks = await receiver.waitFor((all) => all.some((h) => h.json.type === 'body'));
    assertSchema('BodyEvent.yaml', hooks.find((h) => h.json.type === 'body')?.json);
  });

  it('lists deliveries without payloads, and one delivery with its payload', async () => {
    await t.sandbox.waitForDeliveries((all) => all.some((d) => d.status === 'delivered'));
    const list = await t.json('/sandbox/api/deliveries');
    const first = list.body.deliveries[0];
    expect(first).not.toHaveProperty('payload');
    expect(first.payload_bytes).toBeGreaterThan(0);
    expect(first.headers).not.toHaveProperty('secret');
    const one = await t.json(`/sandbox/api/deliveries/${first.id}`);
    expect(JSON.parse(one.body.payload).type).toBe(first.type);
    expect((await t.call('/sandbox/api/deliveries/nope')).status).toBe(404);
    const full = await t.json('/sandbox/api/deliveries?include_payload=true');
    expect(typeof full.body.deliveries[0].payload).toBe('string');
  });

  it('waitForDeliveries rejects with a summary when the condition never holds', async () => {
    await expect(t.sandbox.waitForDeliveries(() => false, 50)).rejects.toThrow(/timed out after 50 ms/);
  });
});
