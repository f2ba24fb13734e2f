import { openStore, type TerraStore } from 'terra-store';
import { generateTestSignatureHeader } from 'terra-ts/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerDatabase } from '../support/engines.js';
import { dataPayload, sleepRecord } from '../support/payloads.js';
import { type ScaleProcess, startScaleProcess, stopScaleProcess } from '../support/scale-processes.js';
import { TEST_SECRET } from '../support/store-server.js';

const MAX_DEPTH = 30;

async function post(url: string, n: number, padding = 0): Promise<Response> {
  const record = { ...sleepRecord(`pressure-${n}`, '2026-03-01', 1), padding: 'x'.repeat(padding) };
  const body = dataPayload('sleep', 'pressure-user', [record]);
  const response = await fetch(`${url}/webhooks`, {
    method: 'POST',
    headers: {
      'terra-signature': await generateTestSignatureHeader({ payload: body, secret: TEST_SECRET }),
      'x-terra-trace-id': `pressure-trace-${n}`,
      'x-terra-ordering-timestamp': String(1772400000000 + n),
    },
    body,
  });
  await response.arrayBuffer();
  return response;
}

async function rss(receiver: ScaleProcess): Promise<number> {
  return ((await (await fetch(`${receiver.ready}/memory`)).json()) as { rss: number }).rss;
}

describe('back-pressure on a PostgreSQL server', () => {
  let database: string;
  let store: TerraStore;

  beforeAll(async () => {
    database = await createServerDatabase();
    store = await openStore({ database, processing: 'workers' });
  });
  afterAll(async () => {
    await store?.close();
  });

  it('with no worker running, a receiver answers 503 with Retry-After at maxInboxDepth without reading the bodies (memory flat), and takes deliveries again once a worker drains the inbox', {
    timeout: 240_000,
  }, async () => {
    const env = { STORE_DATABASE: database, STORE_SECRET: TEST_SECRET };
    const receiver = await startScaleProcess({
      ...env,
      ROLE: 'receiver',
      MAX_INBOX_DEPTH: String(MAX_DEPTH),
      DEPTH_REFRESH_MS: '50',
    });
    let n = 0;
    let refused: Response | undefined;
    while (!refused && n < 10 * MAX_DEPTH) {
      const response = await post(receiver.ready, n++);
      if (response.status === 503) refused = response;
      else expect(response.status).toBe(200);
    }
    const accepted = n - 1;
    // The count is refreshed every 50 ms, so a few deliveries may get in past the limit, never many.
    expect(accepted).toBeGreaterThanOrEqual(MAX_DEPTH);
    expect(accepted).toBeLessThan(3 * MAX_DEPTH);
    expect(refused?.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await store.inboxHealth()).depth).toBe(accepted);

    // 300 deliveries of 256 KB (75 MB) are refused before their bodies are buffered.
    const before = await rss(receiver);
    for (let i = 0; i < 300; i++)
      expect((await post(receiver.ready, 100_000 + i, 256 * 1024)).status).toBe(503);
    expect(await rss(receiver)).toBeLessThan(before + 40 * 1024 * 1024);

    const worker = await startScaleProcess({ ...env, ROLE: 'worker', POLL_MS: '200' });
    const deadline = Date.now() + 120_000;
    let again = 0;
    while (again !== 200) {
      if (Date.now() > deadline) throw new Error('the receiver kept refusing after the worker started');
      await new Promise((resolve) => setTimeout(resolve, 200));
      again = (await post(receiver.ready, n)).status;
    }
    n++;
    for (;;) {
      const health = await store.inboxHealth();
      if (health.depth === 0) {
        expect(health).toMatchObject({ processed: accepted + 1, dead: 0 });
        break;
      }
      if (Date.now() > deadline) throw new Error(`the worker left ${health.depth} rows`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(await store.count('sleep', 'pressure-user')).toBe(accepted + 1);
    expect(await stopScaleProcess(worker)).toBe(0);
    expect(await stopScaleProcess(receiver)).toBe(0);
  });
});
