import { type Database, openStore, type TerraStore } from 'terra-store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { V2_VIEWS } from '../../src/schema/v2-views.js';
import { ENGINES, openTestDatabase } from '../support/engines.js';
import { dataPayload, sleepRecord } from '../support/payloads.js';
import { type StoreServer, startStoreServer } from '../support/store-server.js';

const SLEEP_VIEW = V2_VIEWS.find((statement) => statement.includes('terra_sleep_per_night')) as string;

/** The README's "More data than one server holds" DDL: terra_sleep hash-partitioned by user_id in 4. */
const PARTITION_SLEEP = [
  'DROP VIEW terra_sleep_per_night',
  'ALTER TABLE terra_sleep RENAME TO terra_sleep_unpartitioned',
  'CREATE TABLE terra_sleep (LIKE terra_sleep_unpartitioned INCLUDING ALL) PARTITION BY HASH (user_id)',
  ...[0, 1, 2, 3].map(
    (r) =>
      `CREATE TABLE terra_sleep_p${r} PARTITION OF terra_sleep FOR VALUES WITH (MODULUS 4, REMAINDER ${r})`,
  ),
  'INSERT INTO terra_sleep SELECT * FROM terra_sleep_unpartitioned',
  'DROP TABLE terra_sleep_unpartitioned',
  SLEEP_VIEW,
];

describe.each(ENGINES)('a store whose sleep table is partitioned by user_id, on %s', (engine) => {
  let db: Database;
  let store: TerraStore;
  let server: StoreServer;
  beforeAll(async () => {
    db = await openTestDatabase(engine);
    store = await openStore({ database: db });
    await db.transaction(async (tx) => {
      for (const statement of PARTITION_SLEEP) await tx.query(statement);
    });
    server = await startStoreServer(store);
  });
  afterAll(async () => {
    await server.close();
    await store.close();
    await db.close();
  });

  it('stores, revises and counts records across the partitions exactly as the plain table does', async () => {
    const [kind] = await db.query<{ relkind: string }>(
      `SELECT relkind FROM pg_class WHERE relname = 'terra_sleep'`,
    );
    expect(kind?.relkind).toBe('p');

    const users = Array.from({ length: 8 }, (_, i) => `partitioned-user-${i}`);
    const ids: number[] = [];
    for (const version of [1, 3, 2]) {
      for (const userId of users) {
        const body = dataPayload('sleep', userId, [sleepRecord('night', '2026-06-01', version)]);
        const answer = await server.post(body, {
          'x-terra-ordering-timestamp': String(1_700_000_000_000 + version * 1000),
        });
        expect(answer.status).toBe(200);
        ids.push(Number(answer.json.id));
      }
      await store.idle();
    }
    await store.drain();

    for (const userId of users) {
      const sleeps = await store.records('sleep', userId);
      expect(sleeps).toHaveLength(1);
      expect((sleeps[0] as unknown as { version_marker: number }).version_marker).toBe(3);
    }
    const perPartition = await db.query<{ n: number | string }>(
      `SELECT count(*) AS n FROM terra_sleep_p0 UNION ALL SELECT count(*) FROM terra_sleep_p1
       UNION ALL SELECT count(*) FROM terra_sleep_p2 UNION ALL SELECT count(*) FROM terra_sleep_p3`,
    );
    expect(perPartition.reduce((sum, row) => sum + Number(row.n), 0)).toBe(users.length);
    expect(perPartition.filter((row) => Number(row.n) > 0).length).toBeGreaterThan(1);

    // New, replaced and unchanged are told apart without xmax (refused on a partitioned table).
    const outcomes = await Promise.all(ids.map(async (id) => (await store.delivery(id))?.outcome));
    const first = outcomes.slice(0, users.length);
    const newer = outcomes.slice(users.length, 2 * users.length);
    const older = outcomes.slice(2 * users.length);
    for (const outcome of first) expect(outcome).toContain('1 new, 0 replaced');
    for (const outcome of newer) expect(outcome).toContain('0 new, 1 replaced');
    for (const outcome of older) expect(outcome).toContain('0 new, 0 replaced, 1 unchanged');
    expect(await store.deliveryCounts()).toEqual({ pending: 0, retry: 0, processed: ids.length, dead: 0 });
  });
});
