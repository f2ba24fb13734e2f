import { type Database, openStore, type TerraStore } from 'terra-store';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ENGINES, openTestDatabase, resetTables } from '../support/engines.js';
import { dailyRecord, dataPayload, sleepRecord } from '../support/payloads.js';
import { type StoreServer, startStoreServer } from '../support/store-server.js';

// A test-only trigger that fails the write of any record marked `"fail": true`: a failure half-way through
// the receive-and-apply statement, after the inbox row and before the records are all written.
const FAIL_TRIGGER = [
  `CREATE OR REPLACE FUNCTION test_fail_marked() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     IF NEW.record->>'fail' = 'true' THEN RAISE EXCEPTION 'test: refused record %', NEW.summary_id; END IF;
     RETURN NEW;
   END $$`,
  'CREATE TRIGGER test_fail_marked BEFORE INSERT OR UPDATE ON terra_sleep FOR EACH ROW EXECUTE FUNCTION test_fail_marked()',
];

async function count(db: Database, sql: string, params: unknown[] = []): Promise<number> {
  return Number((await db.query<{ n: number }>(sql, params))[0]?.n ?? 0);
}

describe.each(ENGINES)('data deliveries applied on receipt on %s', (engine) => {
  let db: Database;
  let store: TerraStore;
  let server: StoreServer;
  let ordinaryDb: Database;
  let ordinary: TerraStore;
  let ordinaryServer: StoreServer;
  beforeAll(async () => {
    db = await openTestDatabase(engine);
    store = await openStore({ database: db });
    server = await startStoreServer(store);
    ordinaryDb = await openTestDatabase(engine);
    ordinary = await openStore({ database: ordinaryDb, applyOnReceipt: false });
    ordinaryServer = await startStoreServer(ordinary);
  });
  afterAll(async () => {
    await server.close();
    await store.close();
    await db.close();
    await ordinaryServer.close();
    await ordinary.close();
    await ordinaryDb.close();
  });
  beforeEach(async () => {
    await resetTables(db);
    await resetTables(ordinaryDb);
  });

  it('stores the records in the commit that acknowledges the delivery, as processing would have', async () => {
    const body = dataPayload('sleep', 'u-receipt', [
      sleepRecord('a', '2026-02-01', 1),
      sleepRecord('b', '2026-02-02', 1),
      { no_metadata: true },
    ]);
    const headers = {
      'terra-reference': 'ref-receipt',
      'x-terra-trace-id': 'ref-receipt:chunk:1',
      'x-terra-ordering-timestamp': '1700000000000',
    };
    const answer = await server.post(body, headers);
    expect(answer.status).toBe(200);
    // Queryable at the answer, without waiting for any processing.
    expect((await store.records('sleep', 'u-receipt')).map((r) => r.metadata.summary_id).sort()).toEqual([
      'a',
      'b',
    ]);
    const [row] = await store.deliveries();
    expect(row).toMatchObject({ id: answer.json.id, status: 'processed', attempts: 1, lastError: null });

    // The ordinary path (inbox commit, answer, processing) leaves the same rows behind.
    expect((await ordinaryServer.post(body, headers)).status).toBe(200);
    await ordinary.idle();
    const [other] = await ordinary.deliveries();
    expect(row?.outcome).toBe(other?.outcome);
    expect(row?.outcome).toContain('3 records, 2 new, 0 replaced, 0 unchanged, 1 without a natural key');
    for (const [sql, params] of [
      ['SELECT reference, expected, received FROM terra_large_requests', []],
      ['SELECT reference, delivery_id FROM terra_large_request_chunks', []],
      ['SELECT user_id, provider, reference_id, scopes, state, active FROM terra_users', []],
      ['SELECT summary_id, ordering_ts, record, source, revision FROM terra_sleep ORDER BY summary_id', []],
    ] as const) {
      expect(await db.query(sql, [...params])).toEqual(await ordinaryDb.query(sql, [...params]));
    }
    expect(
      await count(db, 'SELECT count(*)::int AS n FROM terra_users WHERE last_delivery_at IS NOT NULL'),
    ).toBe(1);
    expect(
      await count(db, 'SELECT count(*)::int AS n FROM terra_sleep WHERE inbox_id = $1', [answer.json.id]),
    ).toBe(2);
  });

  it('answers a repeat as a duplicate and changes nothing, however many arrive at once', async () => {
    const body = dataPayload('daily', 'u-repeat', [dailyRecord('2026-03-01', 100, { sleep_score: 80 })]);
    const headers = { 'terra-reference': 'ref-repeat', 'x-terra-trace-id': 't-repeat' };
    const answers = await Promise.all(Array.from({ length: 8 }, () => server.post(body, headers)));
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
    const ids = new Set(answers.map((a) => a.json.id));
    expect(ids.size).toBe(1);
    expect(answers.filter((a) => a.json.duplicate === true)).toHaveLength(7);
    await store.idle();
    expect(await store.deliveryCounts()).toEqual({ pending: 0, retry: 0, processed: 1, dead: 0 });
    expect(await count(db, 'SELECT count(*)::int AS n FROM terra_daily WHERE revision = 1')).toBe(1);
    expect(await count(db, 'SELECT received AS n FROM terra_large_requests')).toBe(1);
  });

  it('keeps the revision rules: an older version arriving later changes nothing, a null score erases nothing', async () => {
    const day = '2026-04-01';
    const newer = dataPayload('daily', 'u-rules', [dailyRecord(day, 200, { sleep_score: 70 })]);
    const older = dataPayload('daily', 'u-rules', [dailyRecord(day, 100, { sleep_score: 60 })]);
    const nullScore = dataPayload('daily', 'u-rules', [dailyRecord(day, 300, { sleep_score: null })]);
    expect((await server.post(newer, { 'x-terra-ordering-timestamp': '2000' })).status).toBe(200);
    expect((await server.post(older, { 'x-terra-ordering-timestamp': '1000' })).status).toBe(200);
    let [record] = await store.records('daily', 'u-rules');
    expect(record?.distance_data?.steps).toBe(200);
    expect((await server.post(nullScore, { 'x-terra-ordering-timestamp': '3000' })).status).toBe(200);
    [record] = await store.records('daily', 'u-rules');
    expect(record?.distance_data?.steps).toBe(300);
    expect((record?.data_enrichment as { sleep_score?: number } | undefined)?.sleep_score).toBe(70);
    const outcomes = (await store.deliveries()).map((d) => d.outcome).reverse();
    expect(outcomes).toEqual([
      'daily: 1 records, 1 new, 0 replaced, 0 unchanged (terra_daily)',
      'daily: 1 records, 0 new, 0 replaced, 1 unchanged (terra_daily)',
      'daily: 1 records, 0 new, 1 replaced, 0 unchanged (terra_daily)',
    ]);
  });

  it('commits nothing of a delivery that fails half-way, and still commits its inbox row before the answer', async () => {
    for (const statement of FAIL_TRIGGER) await db.exec(statement);
    try {
      const body = dataPayload('sleep', 'u-fail', [
        sleepRecord('ok', '2026-05-01', 1),
        sleepRecord('bad', '2026-05-02', 1, { fail: true }),
      ]);
      const answer = await server.post(body, { 'terra-reference': 'ref-fail', 'x-terra-trace-id': 't-fail' });
      // Acknowledged: the inbox row is committed (the ordinary path took over).
      expect(answer.status).toBe(200);
      await store.idle();
      const [row] = await store.deliveries();
      expect(row).toMatchObject({ id: answer.json.id, status: 'retry', attempts: 1 });
      expect(row?.lastError).toContain('test: refused record bad');
      // Nothing of the failed statement: no record (not even the one before the failure), no chunk, no user.
      expect(await count(db, 'SELECT count(*)::int AS n FROM terra_sleep')).toBe(0);
      expect(await count(db, 'SELECT count(*)::int AS n FROM terra_large_request_chunks')).toBe(0);
      expect(await count(db, 'SELECT count(*)::int AS n FROM terra_users')).toBe(0);
      expect(await count(db, 'SELECT count(*)::int AS n FROM terra_inbox')).toBe(1);
    } finally {
      await db.exec('DROP TRIGGER test_fail_marked ON terra_sleep');
    }
    // Once the cause is gone, the kept row is processed as any other.
    await db.query(`UPDATE terra_inbox SET next_attempt_at = now()`);
    expect((await store.drain()).processed).toBe(1);
    expect(await count(db, 'SELECT count(*)::int AS n FROM terra_sleep')).toBe(2);
    expect(await count(db, 'SELECT received AS n FROM terra_large_requests')).toBe(1);
  });

  it('applies deliveries arriving together in the commit that keeps them, events left to processing', async () => {
    const bodies = Array.from({ length: 12 }, (_, i) =>
      dataPayload('sleep', 'u-group', [
        sleepRecord(`g-${i}`, `2026-07-${String(i + 1).padStart(2, '0')}`, 1),
      ]),
    );
    const event = JSON.stringify({ type: 'some_new_event', user: { user_id: 'u-group' } });
    const answers = await Promise.all([
      ...bodies.map((b, i) =>
        server.post(b, { 'terra-reference': 'ref-group', 'x-terra-trace-id': `ref-group:chunk:${i + 1}` }),
      ),
      server.post(bodies[0] as string, {
        'terra-reference': 'ref-group',
        'x-terra-trace-id': 'ref-group:chunk:1',
      }),
      server.post(event, { 'x-terra-trace-id': 't-group-event' }),
    ]);
    expect(answers.map((a) => a.status)).toEqual(Array(14).fill(200));
    // Every data delivery is queryable at its answer.
    expect(await store.count('sleep', 'u-group')).toBe(12);
    await store.idle();
    expect(await store.deliveryCounts()).toEqual({ pending: 0, retry: 0, processed: 13, dead: 0 });
    const rows = await store.deliveries({ eventType: 'sleep' });
    expect(rows.every((r) => r.attempts === 1 && r.outcome?.startsWith('sleep: 1 records, 1 new'))).toBe(
      true,
    );
    expect(await count(db, 'SELECT received AS n FROM terra_large_requests')).toBe(12);
    expect(await count(db, 'SELECT count(*)::int AS n FROM terra_sleep WHERE revision = 1')).toBe(12);
  });

  it('commits nothing of a group that fails half-way, and still keeps every delivery before its answer', async () => {
    for (const statement of FAIL_TRIGGER) await db.exec(statement);
    let answers: Array<{ status: number }>;
    try {
      answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          server.post(
            dataPayload('sleep', 'u-group-fail', [
              sleepRecord(
                `f-${i}`,
                `2026-08-${String(i + 1).padStart(2, '0')}`,
                1,
                i === 5 ? { fail: true } : {},
              ),
            ]),
            { 'x-terra-trace-id': `t-group-fail-${i}` },
          ),
        ),
      );
      await store.idle();
    } finally {
      await db.exec('DROP TRIGGER test_fail_marked ON terra_sleep');
    }
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
    expect(await store.deliveryCounts()).toEqual({ pending: 0, retry: 1, processed: 9, dead: 0 });
    expect((await store.records('sleep', 'u-group-fail')).map((r) => r.metadata.summary_id).sort()).toEqual(
      [0, 1, 2, 3, 4, 6, 7, 8, 9].map((i) => `f-${i}`),
    );
  });

  it('leaves other events and a store without inline processing to the ordinary path', async () => {
    const event = JSON.stringify({ type: 'some_new_event', user: { user_id: 'u-event' } });
    const answer = await server.post(event, { 'x-terra-trace-id': 't-event' });
    expect(answer.status).toBe(200);
    await store.idle();
    expect((await store.delivery(Number(answer.json.id)))?.status).toBe('processed');
    const workers = await openStore({ database: db, processing: 'workers' });
    const workersServer = await startStoreServer(workers);
    try {
      const body = dataPayload('sleep', 'u-workers', [sleepRecord('w', '2026-06-01', 1)]);
      const kept = await workersServer.post(body);
      expect(kept.status).toBe(200);
      expect((await workers.delivery(Number(kept.json.id)))?.status).toBe('pending');
      expect(await workers.count('sleep', 'u-workers')).toBe(0);
    } finally {
      await workersServer.close();
      await workers.close();
    }
  });
});
