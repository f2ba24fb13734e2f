import { createStoreWebhookHandler, type Database, openStore, type TerraStore } from 'terra-store';
import { TerraWebhooks } from 'terra-ts';
import { generateTestSignatureHeader } from 'terra-ts/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ENGINES, openTestDatabase, resetTables } from '../support/engines.js';
import { dataPayload, sleepRecord } from '../support/payloads.js';
import { type StoreServer, startStoreServer, TEST_SECRET } from '../support/store-server.js';

describe.each(ENGINES)('durable receive on %s', (engine) => {
  let db: Database;
  let store: TerraStore;
  let server: StoreServer;
  beforeAll(async () => {
    db = await openTestDatabase(engine);
    store = await openStore({ database: db, processing: 'workers' });
    server = await startStoreServer(store);
  });
  afterAll(async () => {
    await server.close();
    await store.close();
    await db.close();
  });
  beforeEach(async () => {
    await resetTables(db);
  });

  it('answers 200 only once the raw delivery and its verified metadata are committed to the inbox', async () => {
    const body = dataPayload('sleep', 'u-receive', [sleepRecord('a', '2026-01-01', 1)]);
    const answer = await server.post(body, {
      'terra-reference': 'ref-1',
      'x-terra-trace-id': 'trace-1',
      'x-terra-ordering-timestamp': '1700000000123',
    });
    expect(answer.status).toBe(200);
    const [row] = await store.deliveries();
    expect(row).toMatchObject({
      id: answer.json.id,
      status: 'pending',
      eventType: 'sleep',
      userId: 'u-receive',
      reference: 'ref-1',
      traceId: 'trace-1',
      orderingTs: 1700000000123,
      attempts: 0,
    });
    expect(row?.bodySha256).toMatch(/^[0-9a-f]{64}$/);
    expect(new TextDecoder().decode(await store.deliveryBody(row?.id ?? 0))).toBe(body);
  });

  it('keeps a relabelled copy and a different body under a reused trace id as rows of their own', async () => {
    const genuine = dataPayload('sleep', 'u-relabel', [sleepRecord('a', '2026-01-02', 1)]);
    const other = dataPayload('sleep', 'u-relabel', [sleepRecord('b', '2026-01-03', 1)]);
    const first = await server.post(genuine, { 'x-terra-trace-id': 'chunk:1' });
    const relabelled = await server.post(genuine, { 'x-terra-trace-id': 'chunk:2' });
    const sameTrace = await server.post(other, { 'x-terra-trace-id': 'chunk:1' });
    const retry = await server.post(genuine, { 'x-terra-trace-id': 'chunk:1' });
    expect([first, relabelled, sameTrace, retry].map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect(retry.json).toEqual({ ok: true, duplicate: true, id: first.json.id });
    expect(new Set([first.json.id, relabelled.json.id, sameTrace.json.id]).size).toBe(3);
    expect((await store.deliveries()).length).toBe(3);
  });

  it('refuses forged, unsigned and malformed deliveries without writing anything', async () => {
    const body = dataPayload('sleep', 'u-forged', [sleepRecord('a', '2026-01-04', 1)]);
    const forged = await fetch(server.url, {
      method: 'POST',
      headers: {
        'terra-signature': await generateTestSignatureHeader({ payload: body, secret: 'wrong-secret' }),
      },
      body,
    });
    expect(forged.status).toBe(401);
    const unsigned = await fetch(server.url, { method: 'POST', body });
    expect(unsigned.status).toBe(400);
    const get = await fetch(server.url);
    expect(get.status).toBe(405);
    const notJson = await server.post('not json');
    expect(notJson.status).toBe(400);
    expect(await store.deliveries()).toEqual([]);
  });

  it('the Fetch handler stores the same way and answers 503 with Retry-After when the database is down', async () => {
    const own = await openTestDatabase(engine);
    const ownStore = await openStore({ database: own, processing: 'workers' });
    const handler = createStoreWebhookHandler(ownStore, new TerraWebhooks({ secret: TEST_SECRET }));
    const request = async (body: string) =>
      handler(
        new Request('http://store.test/webhooks', {
          method: 'POST',
          headers: {
            'terra-signature': await generateTestSignatureHeader({ payload: body, secret: TEST_SECRET }),
          },
          body,
        }),
      );
    const ok = await request(dataPayload('sleep', 'u-fetch', [sleepRecord('a', '2026-01-05', 1)]));
    expect(ok.status).toBe(200);
    expect((await ownStore.deliveries()).length).toBe(1);
    await own.close();
    const down = await request(dataPayload('sleep', 'u-fetch', [sleepRecord('b', '2026-01-06', 1)]));
    expect(down.status).toBe(503);
    expect(down.headers.get('retry-after')).toBe('5');
    expect(await down.json()).toMatchObject({ error: 'store_unavailable' });
  });
});
