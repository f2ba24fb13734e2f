import { describe, expect, it } from 'vitest';
import { terraFor } from '../support/terra-for.js';
import type { Reply } from '../support/test-server.js';
import { useTestServer } from '../support/use-test-server.js';

let reply: Reply = {};
const server = useTestServer(() => reply);

describe('integrations', () => {
  it('listProviders GETs /integrations', async () => {
    reply = { body: { status: 'success', providers: ['GARMIN', 'OURA'], sdk_providers: ['APPLE'] } };
    const res = await terraFor(server).listProviders();
    expect([server.requests[0]?.method, server.requests[0]?.path]).toEqual(['GET', '/v2/integrations']);
    expect(res.getParsedResponse().providers).toEqual(['GARMIN', 'OURA']);
    expect(res.getParsedResponse().sdk_providers).toEqual(['APPLE']);
  });

  it('listProvidersDetailed GETs /integrations/detailed, with sdk only when given', async () => {
    reply = { body: { status: 'success', providers: [{ provider: 'OURA', enabled: true }] } };
    const terra = terraFor(server);
    const res = await terra.listProvidersDetailed();
    await terra.listProvidersDetailed({ sdk: true });
    expect(server.requests.map((r) => `${r.path}?${r.query}`)).toEqual([
      '/v2/integrations/detailed?',
      '/v2/integrations/detailed?sdk=true',
    ]);
    expect(res.getParsedResponse().kind).toBe('detailed_integrations');
    expect(res.getParsedResponse().providers[0]?.provider).toBe('OURA');
  });
});
