import { type Database, openStore, type TerraStore } from 'terra-store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, openTestDatabase } from '../support/engines.js';
import { dailyRecord, dataPayload, sleepRecord } from '../support/payloads.js';
import { type StoreServer, startStoreServer } from '../support/store-server.js';

describe.each(ENGINES)('queries on %s', (engine) => {
  let db: Database;
  let store: TerraStore;
  let server: StoreServer;
  const userId = 'q-user';
  beforeAll(async () => {
    db = await openTestDatabase(engine);
    store = await openStore({ database: db });
    server = await startStoreServer(store);
    const days = ['2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04'];
    await server.post(
      dataPayload(
        'daily',
        userId,
        days.map((d, i) => dailyRecord(d, 1000 * (i + 1), null)),
      ),
    );
    await server.post(
      dataPayload(
        'sleep',
        userId,
        days.map((d, i) => sleepRecord(`q-${i}`, d, i)),
      ),
    );
    await server.post(dataPayload('sleep', 'someone-else', [sleepRecord('other', '2026-01-02', 0)]));
    await store.idle();
  });
  afterAll(async () => {
    await server.close();
    await store.close();
    await db.close();
  });

  it("lists a user's records by record time (end exclusive) and by local day (inclusive), as wire objects", async () => {
    const byTime = await store.records('sleep', userId, {
      from: new Date('2026-01-02T00:00:00Z'),
      to: '2026-01-03T22:00:00Z',
    });
    expect(byTime.map((s) => s.metadata.summary_id)).toEqual(['q-1']);
    const byDay = await store.records('sleep', userId, { by: 'day', from: '2026-01-02', to: '2026-01-03' });
    // A sleep belongs to the day the user woke: the night of the 1st is the 2nd's.
    expect(byDay.map((s) => s.metadata.summary_id)).toEqual(['q-0', 'q-1']);
    expect(byDay[0]).toEqual(sleepRecord('q-0', '2026-01-01', 0));
    expect(await store.count('sleep', userId)).toBe(4);
    expect(await store.count('daily', userId, { by: 'day', from: '2026-01-02' })).toBe(3);
    expect((await store.latest('daily', userId))?.distance_data?.steps).toBe(4000);
    expect(await store.latest('sleep', 'nobody')).toBeUndefined();
  });

  it('reads steps, sleep and resting heart rate per day from the views', async () => {
    expect(await store.stepsPerDay(userId, '2026-01-02', '2026-01-03')).toEqual([
      { day: '2026-01-02', value: 2000 },
      { day: '2026-01-03', value: 3000 },
    ]);
    expect(await store.restingHeartRatePerDay(userId, '2026-01-01', '2026-01-01')).toEqual([
      { day: '2026-01-01', value: 55 },
    ]);
    expect(await store.sleepPerNight(userId, '2026-01-02', '2026-01-02')).toEqual([
      { day: '2026-01-02', value: 25_000 },
    ]);
  });

  it('lists users and deliveries', async () => {
    expect((await store.users()).map((u) => u.userId)).toEqual(['q-user', 'someone-else']);
    expect(await store.deliveryCounts()).toEqual({ pending: 0, retry: 0, processed: 3, dead: 0 });
    const [newest] = await store.deliveries({ limit: 1 });
    expect(newest).toMatchObject({ userId: 'someone-else', status: 'processed', eventType: 'sleep' });
  });
});
