import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { useTestSandbox } from '../support/use-test-sandbox.js';

const t = useTestSandbox();

/** POSTs with chunked transfer encoding (no Content-Length), so the limit must be enforced while reading. */
function postChunked(path: string, pieces: Buffer[]): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${t.sandbox.url}${path}`, {
      method: 'POST',
      headers: {
        'x-api-key': t.sandbox.apiKey,
        'dev-id': t.sandbox.devId,
        'content-type': 'application/json',
      },
    });
    req.on('response', (res) => {
      let body = '';
      res.on('data', (c: Buffer) => {
        body += c.toString();
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    for (const piece of pieces) req.write(piece);
    req.end();
  });
}

describe('request bodies', () => {
  it('refuses a JSON body over 5 MB with 413 problem+json', async () => {
    const big = JSON.stringify(Array.from({ length: 200_000 }, (_, i) => `user-${i}-${'x'.repeat(20)}`));
    const res = await t.json('/v2/bulkUserInfo', { method: 'POST', body: big });
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.body.detail).toContain('5 MB');
  });

  it('refuses an oversized chunked body it only discovers while reading', async () => {
    const piece = Buffer.alloc(1024 * 1024, 0x20);
    const res = await postChunked(
      '/v2/bulkUserInfo',
      Array.from({ length: 7 }, () => piece),
    );
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).title).toBe('payload too large');
  });

  it('keeps serving after refusing a body', async () => {
    const ok = await t.call('/v2/integrations');
    expect(ok.status).toBe(200);
  });
});
