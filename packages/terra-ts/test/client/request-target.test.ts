import { describe, expect, it } from 'vitest';
import { requestTargets } from '../../src/client/transport/request-target.js';

/** What the transport sent before the origin cache: the URL parser's answer for the whole URL. */
function parsed(url: string) {
  const u = new URL(url);
  const hostname = u.hostname.startsWith('[') ? u.hostname.slice(1, -1) : u.hostname;
  return { protocol: u.protocol, hostname, port: u.port, path: u.pathname + u.search };
}

describe('request targets (the origin parsed once per client)', () => {
  it.each([
    'https://api.tryterra.co/v2/integrations',
    'https://api.tryterra.co/v2/activity?user_id=u-1&start_date=2025-01-01&to_webhook=false',
    'http://127.0.0.1:8080/v2/userInfo?reference_id=a%20b',
    'http://[::1]:9000/v2/integrations',
    'HTTPS://API.TRYTERRA.CO:443/v2/integrations',
    'https://api.tryterra.co/v2/../v1/integrations',
    'https://api.tryterra.co/v2/./integrations',
    'https://api.tryterra.co/v2/%2e%2e/integrations',
    'https://api.tryterra.co/v2/user info?q=a b',
    "https://api.tryterra.co/v2/integrations?q='x'",
    'https://api.tryterra.co/v2/integrations#fragment',
    'https://api.tryterra.co/v2/a\\b',
    'https://user:pw@api.tryterra.co/v2/integrations',
    'https://api.tryterra.co?x=/v2/integrations',
  ])('%s goes where the URL parser says, the first time and from the cache', (url) => {
    const targetOf = requestTargets();
    expect(targetOf(url)).toEqual(parsed(url));
    expect(targetOf(url)).toEqual(parsed(url));
  });

  it('an invalid URL throws as the URL parser does', () => {
    expect(() => requestTargets()('not a url/v2')).toThrow(TypeError);
  });
});
