import { type Database, openStore, type TerraStore } from 'terra-store';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ENGINES, openTestDatabase, resetTables } from '../support/engines.js';
import { dailyRecord, dataPayload, sleepRecord } from '../support/payloads.js';
import { type StoreServer, startStoreServer } from '../support/store-server.js';

// A worker's drain claims the waiting rows together and applies them in one transaction, each type's records
// in one statement: these deliveries are received first (no inline processing), then drained as one batch.
describe.each(ENGINES)('deliveries applied as one batch on %s', (engine) => {
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

  const post = async (body: string, ts: number, trace: string) =>
    expect(
      (await server.post(body, { 'x-terra-ordering-timestamp': String(ts), 'x-terra-trace-id': trace }))
        .status,
    ).toBe(200);

  it('stores each delivery once with its own counts, and an older copy in the same batch changes nothing', async () => {
    const user = 'batch-user';
    await post(dataPayload('daily', user, [dailyRecord('2026-04-01', 100, null)]), 1000, 'a');
    await post(
      dataPayload('daily', user, [
        dailyRecord('2026-04-02', 200, null),
        dailyRecord('2026-04-03', 300, null),
      ]),
      1000,
      'b',
    );
    await post(dataPayload('sleep', user, [sleepRecord('s-1', '2026-04-02', 2)]), 2000, 'c');
    await post(dataPayload('sleep', user, [sleepRecord('s-1', '2026-04-02', 1)]), 1000, 'd');
    expect(await store.drain()).toEqual({ processed: 4, retried: 0, dead: 0 });

    const days = await store.records('daily', user, { by: 'day', from: '2026-04-01', to: '2026-04-03' });
    expect(days.map((d) => d.distance_data?.steps)).toEqual([100, 200, 300]);
    const sleeps = await store.records('sleep', user);
    expect(sleeps.map((s) => (s as unknown as { version_marker: number }).version_marker)).toEqual([2]);
    const outcomes = (await store.deliveries()).map((d) => [d.traceId, d.outcome]).sort();
    expect(outcomes).toEqual([
      ['a', 'daily: 1 records, 1 new, 0 replaced, 0 unchanged (terra_daily)'],
      ['b', 'daily: 2 records, 2 new, 0 replaced, 0 unchanged (terra_daily)'],
      ['c', 'sleep: 1 records, 1 new, 0 replaced, 0 unchanged (terra_sleep)'],
      ['d', 'sleep: 1 records, 0 new, 0 replaced, 1 unchanged (terra_sleep)'],
    ]);
  });

  it('keeps an enrichment score a newer delivery of the same batch carries as null', async () => {
    const user = 'batch-enrichment';
    await post(
      dataPayload('daily', user, [dailyRecord('2026-05-01', 100, { stress_score: 40 })]),
      1000,
      'old',
    );
    await post(
      dataPayload('daily', user, [dailyRecord('2026-05-01', 150, { stress_score: null })]),
      2000,
      'new',
    );
    expect(await store.drain()).toEqual({ processed: 2, retried: 0, dead: 0 });
    const [day] = await store.records('daily', user);
    expect(day?.distance_data?.steps).toBe(150);
    expect(day?.data_enrichment).toEqual({ stress_score: 40 });
    const [row] = await store.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM terra_users WHERE user_id = $1 AND last_delivery_at IS NOT NULL`,
      [user],
    );
    expect(row?.n).toBe(1);
  });
});
