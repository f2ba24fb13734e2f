import { type Database, openStore, type TerraStore } from 'terra-store';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ENGINES, openTestDatabase, resetTables } from '../support/engines.js';
import { startPayloadServer } from '../support/payload-server.js';
import { dataPayload, sleepRecord, wireUser } from '../support/payloads.js';
import { type StoreServer, startStoreServer } from '../support/store-server.js';

describe.each(ENGINES)('processing the inbox on %s', (engine) => {
  let db: Database;
  let store: TerraStore;
  let server: StoreServer;
  beforeAll(async () => {
    db = await openTestDatabase(engine);
    store = await openStore({ database: db, maxAttempts: 3, retryBaseMs: 1, retryMaxMs: 5 });
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

  const drainUntilSettled = async () => {
    await store.idle();
    for (let i = 0; i < 50; i++) {
      const counts = await store.deliveryCounts();
      if (counts.pending === 0 && counts.retry === 0) return;
      await new Promise((r) => setTimeout(r, 10));
      await store.drain();
    }
  };

  it('downloads an s3_payload body and stores its records', async () => {
    const payload = dataPayload('sleep', 'u-s3', [
      sleepRecord('s3-a', '2026-02-01', 1),
      sleepRecord('s3-b', '2026-02-02', 1),
    ]);
    const bucket = await startPayloadServer(payload);
    try {
      const answer = await server.post(
        JSON.stringify({ type: 's3_payload', status: 'success', url: bucket.url, expires_in: 300 }),
      );
      expect(answer.status).toBe(200);
      await drainUntilSettled();
      expect(await store.count('sleep', 'u-s3')).toBe(2);
      expect(bucket.hits()).toBe(1);
      const [row] = await store.deliveries();
      expect(row).toMatchObject({ status: 'processed', eventType: 's3_payload' });
      expect(row?.outcome).toMatch(/sleep: 2 records, 2 new/);
    } finally {
      await bucket.close();
    }
  });

  it('retries a failing row with backoff, keeps it as a dead letter after maxAttempts, and replays it', async () => {
    const payload = dataPayload('sleep', 'u-dead', [sleepRecord('d', '2026-02-03', 1)]);
    const bucket = await startPayloadServer(payload, 100);
    try {
      const answer = await server.post(
        JSON.stringify({ type: 's3_payload', status: 'success', url: bucket.url, expires_in: 300 }),
      );
      await drainUntilSettled();
      const [dead] = await store.deliveries({ status: 'dead' });
      expect(dead).toMatchObject({ id: answer.json.id, attempts: 3, status: 'dead' });
      expect(dead?.lastError).toMatch(/500|download|payload/i);
      expect(await store.count('sleep', 'u-dead')).toBe(0);
      bucket.setFailures(0);
      expect(await store.replay(Number(answer.json.id))).toBe('processed');
      expect(await store.count('sleep', 'u-dead')).toBe(1);
      expect(await store.replay(Number(answer.json.id))).toBe('not_dead');
      expect(await store.deliveries({ status: 'dead' })).toEqual([]);
    } finally {
      await bucket.close();
    }
  });

  it('keeps an unknown event type whole and visible, and processes it without an error', async () => {
    const body = JSON.stringify({ type: 'brain_waves', user: wireUser('u-unknown'), data: [{ alpha: 1 }] });
    const answer = await server.post(body);
    await drainUntilSettled();
    const [row] = await store.deliveries({ eventType: 'brain_waves' });
    expect(row).toMatchObject({ id: answer.json.id, status: 'processed', lastError: null });
    expect(row?.outcome).toMatch(/unknown type "brain_waves"/);
    expect(new TextDecoder().decode(await store.deliveryBody(row?.id ?? 0))).toBe(body);
  });

  it('applies connection events in ordering-timestamp order whatever the arrival order, and keeps the history', async () => {
    const at = (n: number) => ({ 'x-terra-ordering-timestamp': String(1_700_000_000_000 + n) });
    const oldId = 'u-old';
    const newId = 'u-new';
    const events = [
      [{ type: 'deauth', status: 'success', user: wireUser('u-deauth', { active: false }) }, at(2)],
      [{ type: 'auth', status: 'success', user: wireUser('u-deauth') }, at(1)],
      [{ type: 'auth', status: 'success', user: wireUser(oldId) }, at(1)],
      [
        {
          type: 'permission_change',
          status: 'warning',
          scopes_added: 'BODY_EXPORT',
          scopes_removed: '',
          user: wireUser(oldId, { scopes: 'ACTIVITY_EXPORT, BODY_EXPORT' }),
        },
        at(2),
      ],
      [
        { type: 'connection_error', status: 'warning', message: 'token rejected', user: wireUser(oldId) },
        at(3),
      ],
      [
        {
          type: 'user_reauth',
          status: 'warning',
          old_user: wireUser(oldId, { active: false }),
          new_user: wireUser(newId),
        },
        at(4),
      ],
      [{ type: 'access_revoked', status: 'warning', user: wireUser('u-revoked', { active: false }) }, at(5)],
      [{ type: 'google_no_datasource', status: 'warning', user: wireUser('u-revoked') }, at(6)],
    ] as const;
    for (const [body, headers] of events)
      expect((await server.post(JSON.stringify(body), headers)).status).toBe(200);
    await drainUntilSettled();
    expect((await store.deliveries()).filter((d) => d.status !== 'processed')).toEqual([]);
    expect(await store.user('u-deauth')).toMatchObject({ state: 'deauthorised', active: false });
    expect((await store.user('u-deauth'))?.deauthorisedAt).toBeInstanceOf(Date);
    expect(await store.user(oldId)).toMatchObject({
      state: 'replaced',
      active: false,
      replacedBy: newId,
      scopes: ['ACTIVITY_EXPORT', 'BODY_EXPORT'],
    });
    expect(await store.user(newId)).toMatchObject({
      state: 'connected',
      active: true,
      referenceId: `ref-${newId}`,
      scopes: ['ACTIVITY_EXPORT', 'HEALTH_EXPORT'],
    });
    expect(await store.user('u-revoked')).toMatchObject({ state: 'revoked', active: false });
    expect((await store.userEvents(oldId)).map((e) => e.type)).toEqual([
      'auth',
      'permission_change',
      'connection_error',
      'user_reauth',
    ]);
    expect((await store.userEvents(newId))[0]).toMatchObject({
      type: 'user_reauth',
      oldUserId: oldId,
      newUserId: newId,
    });
    expect((await store.userEvents('u-revoked')).map((e) => e.type)).toEqual([
      'access_revoked',
      'google_no_datasource',
    ]);
  });

  it('counts large-request chunks in the database, once each, in any order', async () => {
    const reference = 'large-1';
    const user = wireUser('u-large');
    const chunks = [1, 2, 3].map((n) =>
      dataPayload('daily', 'u-large', [
        {
          metadata: {
            start_time: `2026-03-0${n}T00:00:00+00:00`,
            end_time: `2026-03-0${n + 1}T00:00:00+00:00`,
          },
        },
      ]),
    );
    const ref = (n: number) => ({
      'terra-reference': reference,
      'x-terra-trace-id': `${reference}:chunk:${n}`,
    });
    await server.post(chunks[0] as string, ref(1));
    await server.post(
      JSON.stringify({ type: 'large_request_processing', status: 'processing', reference, user }),
    );
    await server.post(chunks[1] as string, ref(2));
    await server.post(chunks[1] as string, { ...ref(2), 'x-terra-trace-id': 'relabelled' });
    await server.post(
      JSON.stringify({ type: 'large_request_sending', reference, expected_payloads: 3, user }),
      { 'terra-reference': reference },
    );
    await drainUntilSettled();
    const progress = async () =>
      (
        await db.query(
          `SELECT expected, received, completed_at IS NOT NULL AS complete FROM terra_large_requests WHERE reference = $1`,
          [reference],
        )
      )[0];
    expect(await progress()).toEqual({ expected: 3, received: 2, complete: false });
    await server.post(chunks[2] as string, ref(3));
    await drainUntilSettled();
    expect(await progress()).toEqual({ expected: 3, received: 3, complete: true });
    expect(await store.count('daily', 'u-large')).toBe(3);
  });
});
