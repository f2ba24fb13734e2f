import { type Database, openStore, type TerraStore } from 'terra-store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, openTestDatabase } from '../support/engines.js';
import { dataPayload, sleepRecord } from '../support/payloads.js';
import { type StoreServer, startStoreServer } from '../support/store-server.js';

describe.each(ENGINES)('inbox health and one delivery on %s', (engine) => {
  let db: Database;
  let store: TerraStore;
  let server: StoreServer;

  beforeAll(async () => {
    db = await openTestDatabase(engine);
    store = await openStore({ database: db, processing: 'workers', maxAttempts: 1 });
    server = await startStoreServer(store);
  });
  afterAll(async () => {
    await server?.close();
    await store?.close();
    await db?.close();
  });

  it('counts waiting, processed and dead rows per type, ages the oldest waiting one, and groups failures by type and user', async () => {
    const sleep = await server.post(
      dataPayload('sleep', 'health-user', [sleepRecord('health-1', '2026-03-01', 1)]),
    );
    // A link nothing answers: its one attempt fails and it becomes a dead letter.
    const s3 = await server.post(
      JSON.stringify({
        type: 's3_payload',
        status: 'success',
        url: 'http://127.0.0.1:1/gone',
        expires_in: 300,
      }),
    );
    expect([sleep.status, s3.status]).toEqual([200, 200]);
    const waiting = await store.inboxHealth();
    expect(waiting).toMatchObject({ depth: 2, pending: 2, processed: 0, dead: 0 });
    expect(waiting.oldestPendingAt).toBeInstanceOf(Date);
    expect(waiting.oldestPendingAgeMs).toBeGreaterThanOrEqual(0);

    await store.drain();
    const health = await store.inboxHealth();
    expect(health).toMatchObject({
      depth: 0,
      pending: 0,
      retry: 0,
      processed: 1,
      dead: 1,
      oldestPendingAt: null,
      oldestPendingAgeMs: 0,
    });
    expect(health.byType).toEqual([
      { eventType: 's3_payload', pending: 0, retry: 0, processed: 0, dead: 1, oldestPendingAt: null },
      { eventType: 'sleep', pending: 0, retry: 0, processed: 1, dead: 0, oldestPendingAt: null },
    ]);
    expect(health.failures).toEqual([
      { eventType: 's3_payload', userId: null, retrying: 0, dead: 1, lastError: expect.any(String) },
    ]);

    const id = s3.json.id as number;
    expect(await store.delivery(id)).toMatchObject({
      id,
      eventType: 's3_payload',
      status: 'dead',
      attempts: 1,
    });
    expect(await store.delivery(999_999)).toBeUndefined();
    await expect(store.delivery(1.5)).rejects.toThrow(/a delivery id is a whole number, got 1.5/);
  });
});
