import { describe, expect, it } from 'vitest';
import { GARMIN_USER } from '../support/sandbox.js';
import { assertResponse } from '../support/schemas.js';
import { useTestSandbox } from '../support/use-test-sandbox.js';

const t = useTestSandbox();

const post = (body: unknown) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

describe('authentication', () => {
  it('refuses requests without credentials with 401 problem+json', async () => {
    const res = await t.json(`/v2/userInfo?user_id=${GARMIN_USER}`, { auth: false });
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.body.detail).toBe('dev-id or x-api-key headers are missing');
    assertResponse('GET', '/activity', 401, res.body, 'application/problem+json');
  });

  it('refuses a wrong key with 401 without echoing the key', async () => {
    const res = await t.json(`/v2/userInfo?user_id=${GARMIN_USER}`, {
      auth: false,
      headers: { 'x-api-key': 'my-wrong-secret-key', 'dev-id': t.sandbox.devId },
    });
    expect(res.status).toBe(401);
    expect(JSON.stringify(res.body)).not.toContain('my-wrong-secret-key');
  });

  it('refuses a right key with a wrong dev-id', async () => {
    const res = await t.call('/api/v2/subscriptions', {
      auth: false,
      headers: { 'x-api-key': t.sandbox.apiKey, 'dev-id': 'someone-else' },
    });
    expect(res.status).toBe(401);
  });
});

describe('auth endpoints', () => {
  it('generates a widget session whose url is the sandbox widget page', async () => {
    const { status, body } = await t.json(
      '/v2/auth/generateWidgetSession',
      post({ providers: 'GARMIN,OURA', reference_id: 'me@example.com', language: 'en' }),
    );
    expect(status).toBe(200);
    assertResponse('POST', '/auth/generateWidgetSession', 200, body);
    expect(body.status).toBe('success');
    expect(body.expires_in).toBe(900);
    expect(body.url).toBe(`${t.sandbox.url}/widget/${body.session_id}`);
  });

  it('refuses a widget session for an unknown provider', async () => {
    const { status, body } = await t.json('/v2/auth/generateWidgetSession', post({ providers: 'NOPE' }));
    expect(status).toBe(400);
    expect(body.detail).toContain('NOPE');
  });

  it('refuses a body that is not JSON', async () => {
    const { status, body } = await t.json('/v2/auth/generateWidgetSession', {
      method: 'POST',
      body: '{not json',
    });
    expect(status).toBe(400);
    expect(body.detail).toContain('not valid JSON');
  });

  it('generates an auth URL with a promised user_id', async () => {
    const { status, body } = await t.json(
      '/v2/auth/authenticateUser?resource=FITBIT',
      post({ reference_id: 'ref-1', auth_success_redirect_url: 'https://example.com/ok' }),
    );
    expect(status).toBe(200);
    assertResponse('POST', '/auth/authenticateUser', 200, body);
    expect(body.user_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.auth_url).toMatch(new RegExp(`^${t.sandbox.url}/widget/[0-9a-f-]{36}/FITBIT$`));
  });

  it('requires the resource query parameter', async () => {
    const { status, body } = await t.json('/v2/auth/authenticateUser', post({}));
    expect(status).toBe(400);
    expect(body.detail).toContain('resource');
  });

  it('generates a mobile SDK token', async () => {
    const { status, body } = await t.json('/v2/auth/generateAuthToken', { method: 'POST' });
    expect(status).toBe(200);
    assertResponse('POST', '/auth/generateAuthToken', 200, body);
    expect(body.token).toMatch(/^[0-9a-f]{64}$/);
    expect(body.expires_in).toBe(180);
  });

  it('deauthenticates a user, who is then gone', async () => {
    const user = t.sandbox.createUser({ provider: 'POLAR' });
    const res = await t.json(`/v2/auth/deauthenticateUser?user_id=${user.user_id}`, { method: 'DELETE' });
    expect(res.status).toBe(200);
    assertResponse('DELETE', '/auth/deauthenticateUser', 200, res.body);
    const again = await t.json(`/v2/auth/deauthenticateUser?user_id=${user.user_id}`, { method: 'DELETE' });
    expect(again.status).toBe(404);
    assertResponse('DELETE', '/auth/deauthenticateUser', 404, again.body, 'application/problem+json');
  });
});
