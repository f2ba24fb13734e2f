import { describe, expect, it } from 'vitest';
import type { Receiver } from '../support/receiver.js';
import { assertSchema } from '../support/schemas.js';
import { useSandboxWithReceiver } from '../support/use-sandbox-with-receiver.js';
import { parsedByTerraTs, verifiedByTerraTs } from '../support/verify.js';

const { t, receiver } = useSandboxWithReceiver();

async function received(type: string) {
  const all = await receiver.waitFor((list) => list.some((h) => h.json.type === type));
  return all.find((h) => h.json.type === type) as Receiver['received'][number];
}

const SCHEMAS: Record<string, string> = {
  auth: 'AuthSuccessEvent.yaml',
  auth_cancelled: 'AuthErrorEvent.yaml',
  connection_error: 'ConnectionErrorEvent.yaml',
  permission_change: 'PermissionChangeEvent.yaml',
  access_revoked: 'AccessRevokedEvent.yaml',
  user_reauth: 'UserReauthEvent.yaml',
  deauth: 'DeauthEvent.yaml',
};

describe('triggered events', () => {
  for (const [type, schema] of Object.entries(SCHEMAS)) {
    it(`sends ${type} via the control API, valid against ${schema} and signed`, async () => {
      const user = t.sandbox.createUser({ provider: 'OURA', reference_id: `ref-${type}` });
      const res = await t.json(`/sandbox/api/events/${type}`, {
        method: 'POST',
        body: JSON.stringify({ user_id: user.user_id }),
      });
      expect(res.status).toBe(202);
      expect(res.body.type).toBe(type);
      const hook = await received(type);
      assertSchema(schema, hook.json);
      expect(await verifiedByTerraTs(hook, t.sandbox.secret)).toBe(true);
      const parsed = await parsedByTerraTs(hook, t.sandbox.secret);
      expect(parsed.type).toBe(type);
      expect(parsed.delivery.traceId).toBe(res.body.trace_id);
    });
  }

  it('deauth removes the user; user_reauth replaces it with a new user_id', async () => {
    const gone = t.sandbox.createUser({ provider: 'GARMIN' });
    t.sandbox.triggerEvent('deauth', gone.user_id);
    expect(t.sandbox.users().some((u) => u.user_id === gone.user_id)).toBe(false);

    const old = t.sandbox.createUser({ provider: 'WHOOP', reference_id: 'reauth-me' });
    const delivery = t.sandbox.triggerEvent('user_reauth', old.user_id);
    const payload = JSON.parse(delivery.payload);
    expect(payload.old_user.user_id).toBe(old.user_id);
    expect(payload.new_user.user_id).not.toBe(old.user_id);
    expect(payload.new_user.reference_id).toBe('reauth-me');
    expect(t.sandbox.users().map((u) => u.user_id)).toContain(payload.new_user.user_id);
  });

  it('DELETE deauthenticateUser fires a deauth event for that user', async () => {
    const user = t.sandbox.createUser({ provider: 'POLAR' });
    await t.call(`/v2/auth/deauthenticateUser?user_id=${user.user_id}`, { method: 'DELETE' });
    const all = await receiver.waitFor((list) =>
      list.some(
        (h) => h.json.type === 'deauth' && (h.json.user as { user_id: string }).user_id === user.user_id,
      ),
    );
    expect(all.length).toBeGreaterThan(0);
  });

  it('refuses an unknown event type and an unknown user', async () => {
    const bad = await t.json('/sandbox/api/events/sleepy', { method: 'POST', body: '{"user_id":"x"}' });
    expect(bad.status).toBe(400);
    expect(bad.body.detail).toContain('triggerable events');
    const missing = await t.json('/sandbox/api/events/auth', {
      method: 'POST',
      body: '{"user_id":"nobody"}',
    });
    expect(missing.status).toBe(404);
  });
});
