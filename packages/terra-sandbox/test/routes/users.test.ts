import { describe, expect, it } from 'vitest';
import { GARMIN_USER } from '../support/sandbox.js';
import { assertResponse, assertSchema } from '../support/schemas.js';
import { useTestSandbox } from '../support/use-test-sandbox.js';

const t = useTestSandbox();

describe('users', () => {
  it('starts with three demo users with fixed ids', async () => {
    const { body } = await t.json('/v2/subscriptions');
    assertResponse('GET', '/subscriptions', 200, body);
    expect(body.users.map((u: { provider: string }) => u.provider)).toEqual(['GARMIN', 'OURA', 'FITBIT']);
    expect(body.users[0].user_id).toBe(GARMIN_USER);
    for (const user of body.users) assertSchema('TerraUser.yaml', user);
  });

  it('paginates subscriptions when page is given', async () => {
    const first = await t.json('/v2/subscriptions?page=0&per_page=2');
    assertResponse('GET', '/subscriptions', 200, first.body);
    expect(first.body.data.results).toHaveLength(2);
    expect(first.body.data).toMatchObject({ next: 1, max_page: 1 });
    const last = await t.json('/v2/subscriptions?page=1&per_page=2');
    expect(last.body.data.results).toHaveLength(1);
    expect(last.body.data.next).toBeNull();
  });

  it('refuses a non-numeric page', async () => {
    const { status, body } = await t.json('/v2/subscriptions?page=first');
    expect(status).toBe(400);
    expect(body.detail).toContain('page');
  });

  it('gets user info by user_id and by reference_id', async () => {
    const byId = await t.json(`/v2/userInfo?user_id=${GARMIN_USER}`);
    expect(byId.status).toBe(200);
    assertResponse('GET', '/userInfo', 200, byId.body);
    expect(byId.body).toMatchObject({ status: 'success', is_authenticated: true });
    expect(byId.body.user.user_id).toBe(GARMIN_USER);
    const byRef = await t.json('/api/v2/userInfo?reference_id=demo-oura');
    assertResponse('GET', '/userInfo', 200, byRef.body);
    expect(byRef.body).toHaveLength(1);
    expect(byRef.body[0].provider).toBe('OURA');
  });

  it('answers 404 for an unknown user and 400 without any id', async () => {
    const missing = await t.json('/v2/userInfo?user_id=00000000-0000-0000-0000-000000000000');
    expect(missing.status).toBe(404);
    assertResponse('GET', '/userInfo', 404, missing.body, 'application/problem+json');
    const none = await t.json('/v2/userInfo');
    expect(none.status).toBe(400);
  });

  it('returns users in bulk, and 400 for a body that is not an array of ids', async () => {
    const ok = await t.json('/v2/bulkUserInfo', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([GARMIN_USER, 'unknown']),
    });
    assertResponse('POST', '/bulkUserInfo', 200, ok.body);
    expect(ok.body.map((u: { user_id: string }) => u.user_id)).toEqual([GARMIN_USER]);
    const bad = await t.json('/v2/bulkUserInfo', { method: 'POST', body: JSON.stringify({ ids: [] }) });
    expect(bad.status).toBe(400);
  });
});
