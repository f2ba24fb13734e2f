import { describe, expect, it } from 'vitest';
import { GARMIN_USER, startTestSandbox } from '../support/sandbox.js';
import { useTestSandbox } from '../support/use-test-sandbox.js';

const t = useTestSandbox();

const fault = (spec: string) => ({ headers: { 'x-sandbox-fault': spec } });
const userInfo = `/v2/userInfo?user_id=${GARMIN_USER}`;

describe('per-request faults (x-sandbox-fault)', () => {
  it('status=503 answers that status with problem+json', async () => {
    const res = await t.json(userInfo, fault('status=503'));
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.body.title).toBe('service unavailable');
  });

  it('drop destroys the socket without an answer', async () => {
    await expect(t.call(userInfo, fault('drop'))).rejects.toThrow();
  });

  it('truncate sends half of the JSON body', async () => {
    const full = await (await t.call(userInfo)).text();
    const res = await t.call(userInfo, fault('truncate'));
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toBe(full.slice(0, Math.floor(full.length / 2)));
    expect(() => JSON.parse(text)).toThrow();
  });

  it('non-json sends a plain-text body', async () => {
    const res = await t.call(userInfo, fault('non-json'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    expect(() => JSON.parse(res.headers.get('content-type') ?? '')).toThrow();
  });

  it('html sends an HTML error page, and combines with status', async () => {
    const res = await t.call(userInfo, fault('status=502;html'));
    expect(res.status).toBe(502);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(await res.text()).toContain('<html>');
  });

  it('r1 answers 429 with rule r1 and no Retry-After', async () => {
    const res = await t.json(userInfo, fault('r1'));
    expect(res.status).toBe(429);
    expect(res.body).toEqual({ detail: 'rate limit exceeded' });
    expect(res.headers.get('x-terra-ratelimit-rule')).toBe('r1');
    expect(res.headers.get('retry-after')).toBeNull();
  });

  it('r2 answers 429 with rule r2 and Retry-After', async () => {
    const res = await t.json(userInfo, fault('r2'));
    expect(res.status).toBe(429);
    expect(res.headers.get('x-terra-ratelimit-rule')).toBe('r2');
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(res.headers.get('x-terra-ratelimit-remaining')).toBe('0');
  });

  it('latency holds the answer back long enough for a client timeout to fire', async () => {
    await expect(
      t.call(userInfo, { ...fault('latency=5000'), signal: AbortSignal.timeout(500) }),
    ).rejects.toThrow();
    expect((await t.call(userInfo, { signal: AbortSignal.timeout(5000) })).status).toBe(200);
  });

  it('slow-body trickles out a body that arrives intact, in many pieces', async () => {
    const full = await (await t.call(userInfo)).text();
    const res = await t.call(userInfo, fault('slow-body=400'));
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let text = '';
    let pieces = 0;
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      pieces += 1;
      text += decoder.decode(r.value, { stream: true });
    }
    expect(text).toBe(full);
    expect(pieces).toBeGreaterThan(1);
  });

  it('truncate also cuts a streamed data response', async () => {
    const path = `/v2/activity?user_id=${GARMIN_USER}&start_date=2026-03-01&end_date=2026-03-03&to_webhook=false`;
    const full = Buffer.from(await (await t.call(path)).arrayBuffer());
    const cut = Buffer.from(await (await t.call(path, fault('truncate'))).arrayBuffer());
    expect(JSON.parse(full.toString()).type).toBe('activity');
    expect(cut.equals(full.subarray(0, Math.floor(full.length / 2)))).toBe(true);
  });

  it('refuses times=N in the header, which only global faults understand', async () => {
    const res = await t.json(userInfo, fault('status=503;times=2'));
    expect(res.status).toBe(400);
    expect(res.body.detail).toContain('PUT /sandbox/api/faults');
  });

  it('refuses a fault it does not know with 400 naming it', async () => {
    const res = await t.json(userInfo, fault('explode'));
    expect(res.status).toBe(400);
    expect(res.body.detail).toContain('explode');
  });
});

describe('global faults (control API)', () => {
  it('applies to the next N API requests, then switches off', async () => {
    const put = await t.json('/sandbox/api/faults', {
      method: 'PUT',
      body: JSON.stringify({ spec: 'status=503;times=2' }),
    });
    expect(put.body).toEqual({ status: 503, times: 2 });
    expect((await t.call(userInfo)).status).toBe(503);
    // The control API itself is never faulted, so a test can always inspect and reset.
    expect((await t.json('/sandbox/api/faults')).body).toEqual({ status: 503, times: 1 });
    expect((await t.call(userInfo)).status).toBe(503);
    expect((await t.call(userInfo)).status).toBe(200);
    expect((await t.json('/sandbox/api/faults')).body).toEqual({});
  });

  it('stays on without times until cleared; setFaults does the same in code', async () => {
    t.sandbox.setFaults({ status: 500 });
    expect((await t.call(userInfo)).status).toBe(500);
    expect((await t.call(userInfo)).status).toBe(500);
    await t.call('/sandbox/api/faults', { method: 'PUT', body: '{}' });
    expect((await t.call(userInfo)).status).toBe(200);
  });

  it('refuses an invalid fault configuration', async () => {
    const res = await t.json('/sandbox/api/faults', { method: 'PUT', body: JSON.stringify({ status: 'x' }) });
    expect(res.status).toBe(400);
    expect(t.sandbox.faults()).toEqual({});
  });

  it('takes faults from startSandbox options', async () => {
    const other = await startTestSandbox({ faults: { status: 504, times: 1 } });
    try {
      expect((await other.call('/v2/integrations')).status).toBe(504);
      expect((await other.call('/v2/integrations')).status).toBe(200);
    } finally {
      await other.sandbox.close();
    }
  });
});
