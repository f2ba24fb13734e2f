import { describe, expect, it } from 'vitest';
import { assertResponse } from '../support/schemas.js';
import { useTestSandbox } from '../support/use-test-sandbox.js';

const t = useTestSandbox();

describe('integrations', () => {
  it('lists providers without credentials, under both base paths', async () => {
    for (const base of ['/v2', '/api/v2']) {
      const { status, body } = await t.json(`${base}/integrations`, { auth: false });
      expect(status).toBe(200);
      assertResponse('GET', '/integrations', 200, body);
      expect(body.providers).toContain('GARMIN');
      expect(body.sdk_providers).toContain('APPLE');
      expect(body.providers).not.toContain('APPLE');
    }
  });

  it('lists detailed integrations, with SDK providers only when sdk=true', async () => {
    const plain = await t.json('/v2/integrations/detailed', { auth: false });
    assertResponse('GET', '/integrations/detailed', 200, plain.body);
    const ids = plain.body.providers.map((p: { provider: string }) => p.provider);
    expect(ids).toContain('OURA');
    expect(ids).not.toContain('APPLE');
    const withSdk = await t.json('/v2/integrations/detailed?sdk=true', { auth: false });
    expect(withSdk.body.providers.map((p: { provider: string }) => p.provider)).toContain('APPLE');
    expect(withSdk.body.providers[0].types).toHaveProperty('sleep');
  });

  it('answers unknown API paths with a problem+json 404 naming the path', async () => {
    const res = await t.call('/v2/nope');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const body = await res.json();
    expect(body).toMatchObject({ type: 'about:blank', title: 'not found', instance: '/v2/nope' });
    expect(body.detail).toContain('/v2/nope');
  });

  it('answers a wrong method with 405 and an Allow header', async () => {
    const res = await t.call('/v2/integrations', { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET');
  });
});
