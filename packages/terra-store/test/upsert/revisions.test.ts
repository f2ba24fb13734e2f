import { type Database, openStore, type TerraStore } from 'terra-store';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ENGINES, openTestDatabase, resetTables } from '../support/engines.js';
import { dailyRecord, dataPayload, shuffle, sleepRecord } from '../support/payloads.js';
import { type StoreServer, startStoreServer } from '../support/store-server.js';

describe.each(ENGINES)('revisions and duplicates on %s', (engine) => {
  let db: Database;
  let store: TerraStore;
  let server: StoreServer;
  beforeAll(async () => {
    db = await openTestDatabase(engine);
    store = await openStore({ database: db });
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

  it.each([1, 2, 3])(
    'shuffled, repeated, relabelled and older versions interleaved end with the newest version of every record (seed %i)',
    async (seed) => {
      const userId = `user-${seed}`;
      type Delivery = { body: string; headers: Record<string, string> };
      const deliveries: Delivery[] = [];
      for (let s = 0; s < 6; s++) {
        for (let version = 1; version <= 3; version++) {
          const body = dataPayload('sleep', userId, [sleepRecord(`sum-${s}`, `2026-03-0${s + 1}`, version)]);
          const headers = {
            'x-terra-ordering-timestamp': String(1_700_000_000_000 + version * 1000 + s),
            'x-terra-trace-id': `trace-${s}-${version}`,
            'terra-reference': `ref-${s}`,
          };
          deliveries.push({ body, headers });
          deliveries.push({ body, headers }); // Terra's retry of the same delivery
          deliveries.push({
            body,
            headers: { ...headers, 'x-terra-trace-id': `relabelled-${s}-${version}` },
          });
        }
      }
      for (let d = 1; d <= 4; d++) {
        for (let version = 1; version <= 3; version++) {
          const body = dataPayload('daily', userId, [dailyRecord(`2026-03-1${d}`, 1000 * version + d, null)]);
          deliveries.push({
            body,
            headers: { 'x-terra-ordering-timestamp': String(1_700_000_000_000 + version * 1000) },
          });
        }
      }
      const order = shuffle(deliveries, seed);
      // 8 in flight, as a burst from Terra would arrive.
      for (let i = 0; i < order.length; i += 8) {
        const answers = await Promise.all(order.slice(i, i + 8).map((d) => server.post(d.body, d.headers)));
        for (const a of answers) expect(a.status).toBe(200);
      }
      await store.idle();
      await store.drain();

      const sleeps = await store.records('sleep', userId);
      expect(sleeps).toHaveLength(6);
      for (const sleep of sleeps)
        expect((sleep as unknown as { version_marker: number }).version_marker).toBe(3);
      const days = await store.records('daily', userId, { by: 'day', from: '2026-03-11', to: '2026-03-14' });
      expect(days.map((d) => d.distance_data?.steps)).toEqual([3001, 3002, 3003, 3004]);
      const counts = await store.deliveryCounts();
      expect(counts).toEqual({ pending: 0, retry: 0, processed: 6 * 3 * 2 + 4 * 3, dead: 0 });
    },
  );

  it('never erases a stored enrichment score with a later null', async () => {
    const userId = 'enriched';
    const versions = [
      dailyRecord('2026-04-01', 100, { total_stress_score: 40, immune_index: 7, resilience_score: 3 }),
      dailyRecord('2026-04-01', 200, { total_stress_score: null, immune_index: 8 }),
      dailyRecord('2026-04-01', 300, null),
    ];
    for (const [i, record] of versions.entries()) {
      const answer = await server.post(dataPayload('daily', userId, [record]), {
        'x-terra-ordering-timestamp': String(1_700_000_000_000 + i),
      });
      expect(answer.status).toBe(200);
      await store.idle();
    }
    const [day] = await store.records('daily', userId);
    expect(day?.distance_data?.steps).toBe(300);
    expect(day?.data_enrichment).toEqual({ total_stress_score: 40, immune_index: 8, resilience_score: 3 });
  });

  it('takes a delivery without an ordering timestamp as newest, and a late older retry never overwrites it', async () => {
    const userId = 'unordered';
    const old = dataPayload('sleep', userId, [sleepRecord('s', '2026-05-01', 1)]);
    const fresh = dataPayload('sleep', userId, [sleepRecord('s', '2026-05-01', 2)]);
    const stamp = { 'x-terra-ordering-timestamp': String(Date.now() - 60_000) };
    expect((await server.post(old, stamp)).status).toBe(200);
    await store.idle();
    expect((await server.post(fresh)).status).toBe(200);
    await store.idle();
    expect((await server.post(old, { ...stamp, 'x-terra-trace-id': 'late-retry' })).status).toBe(200);
    await store.idle();
    const [sleep] = await store.records('sleep', userId);
    expect((sleep as unknown as { version_marker: number }).version_marker).toBe(2);
  });

  it('keeps unknown fields whole in jsonb and the raw bytes in the inbox; a duplicate changes nothing', async () => {
    const userId = 'future';
    const record = sleepRecord('f', '2026-06-01', 1, {
      field_from_the_future: { nested: [1, { deeper: null, text: 'ü €' }], big: 12345678901234 },
    });
    const body = `{"type":"sleep",  "user":${JSON.stringify({ user_id: userId, provider: 'OURA' })},"data":[${JSON.stringify(record)}],"extra_top_level":true}`;
    const first = await server.post(body, { 'x-terra-trace-id': 'only-once' });
    expect(first.json).toMatchObject({ ok: true });
    await store.idle();
    const before = await db.query<{ updated_at: Date; revision: number }>(
      `SELECT updated_at, revision FROM terra_sleep WHERE user_id = $1`,
      [userId],
    );
    const again = await server.post(body, { 'x-terra-trace-id': 'only-once' });
    expect(again.json).toMatchObject({ ok: true, duplicate: true, id: first.json.id });
    await store.idle();
    const [stored] = await store.records('sleep', userId);
    expect(stored).toEqual(record);
    const raw = await store.deliveryBody(Number(first.json.id));
    expect(new TextDecoder().decode(raw)).toBe(body);
    const after = await db.query<{ updated_at: Date; revision: number }>(
      `SELECT updated_at, revision FROM terra_sleep WHERE user_id = $1`,
      [userId],
    );
    expect(after).toEqual(before);
    expect(after[0]?.revision).toBe(1);
  });
});
