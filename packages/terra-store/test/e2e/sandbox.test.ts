import { type Sandbox, startSandbox } from 'terra-sandbox';
import { type Database, openStore, type StoredDataType, type TerraStore } from 'terra-store';
import { type SentToWebhook, Terra } from 'terra-ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, openTestDatabase } from '../support/engines.js';
import { naturalKey, newestByKey } from '../support/natural-keys.js';
import { type StoreServer, startStoreServer } from '../support/store-server.js';

const DATA_TYPES = ['activity', 'sleep', 'daily', 'body', 'nutrition', 'menstruation'] as const;
const DAY = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

async function storedByKey(store: TerraStore, type: StoredDataType, userId: string) {
  const records = (await store.records(type, userId)) as Array<Parameters<typeof naturalKey>[1]>;
  const keys = records.map((r) => naturalKey(type, r));
  return { map: new Map(keys.map((k, i) => [k, records[i]])), keys };
}

describe.each(ENGINES)('end to end against terra-sandbox on %s', (engine) => {
  let db: Database;
  let store: TerraStore;
  let server: StoreServer;
  let sandbox: Sandbox;
  let terra: Terra;
  // A year that ends two days ago: a day or night still under way would still change.
  const to = day(Date.now() - 2 * DAY);
  const from = day(Date.now() - 367 * DAY);

  beforeAll(async () => {
    db = await openTestDatabase(engine);
    // A shared 2-core machine under load can take longer than Terra's 8 s to store a 5 MB payload;
    // this test is about what ends up stored, so the sandbox waits longer and retries sooner, and keeps
    // every payload it sent (a year with samples is well over its default 64 MiB) to compare with.
    sandbox = await startSandbox({
      port: 0,
      users: [],
      seed: 7,
      webhookTimeoutMs: 60_000,
      webhookRetryBaseMs: 200,
    });
    terra = new Terra({
      apiKey: sandbox.apiKey,
      devId: sandbox.devId,
      baseUrl: sandbox.baseUrl,
      secret: sandbox.secret,
    });
    store = await openStore({ database: db, terra });
    server = await startStoreServer(store, sandbox.secret);
    sandbox.setWebhookUrl(server.url);
  });
  afterAll(async () => {
    await sandbox?.close();
    await server?.close();
    await store?.close();
    await db?.close();
  });

  it('a backfilled year holds exactly the records the sandbox serves, each once, every jsonb equal', {
    timeout: 600_000,
  }, async () => {
    const user = sandbox.createUser({ provider: 'GARMIN', reference_id: 'e2e-backfill' });
    const progress = await store.backfill({ userId: user.user_id, from, to });
    expect(progress.failed).toBe(0);
    expect(progress.done).toBe(progress.total);
    for (const type of DATA_TYPES) {
      const served = (await terra.iterateDataForUser(user.user_id, type, {
        startDate: from,
        endDate: to,
        chunkDays: 30,
      })) as AsyncIterable<{ getJson(): { data?: unknown[] } }>;
      const records: Array<Parameters<typeof naturalKey>[1]> = [];
      for await (const page of served) records.push(...((page.getJson().data ?? []) as typeof records));
      const expected = newestByKey(type, records);
      const stored = await storedByKey(store, type, user.user_id);
      expect(new Set(stored.keys).size, `${type} keys stored once`).toBe(stored.keys.length);
      expect([...stored.map.keys()].sort(), `${type} keys`).toEqual([...expected.keys()].sort());
      for (const [key, record] of expected) expect(stored.map.get(key), `${type} ${key}`).toEqual(record);
      if (type !== 'menstruation' && type !== 'nutrition') expect(expected.size, type).toBeGreaterThan(0);
    }
    const athlete = (await terra.getAthleteForUser(user.user_id, { toWebhook: false })).getJson() as {
      athlete?: unknown;
    };
    expect(await store.latest('athlete', user.user_id)).toEqual(athlete.athlete);
    // A second run finds every window done and changes nothing.
    const again = await store.backfill({ userId: user.user_id, from, to });
    expect(again).toMatchObject({ resumed: progress.total, records: 0, failed: 0 });
  });

  it('a year received by webhook (large requests, chunks) holds the newest version of every record the sandbox sent, each once', {
    timeout: 600_000,
  }, async () => {
    const user = sandbox.createUser({ provider: 'OURA', reference_id: 'e2e-webhooks' });
    sandbox.triggerEvent('connection_error', user.user_id);
    // Without sample arrays here (the backfill above stores them): a year of every type with samples is
    // hundreds of megabytes of webhooks, more than this shared test machine delivers in a few minutes.
    const options = { startDate: from, endDate: to, toWebhook: true, withSamples: false };
    const acks = await Promise.all([
      terra.getActivityForUser(user.user_id, options),
      terra.getSleepForUser(user.user_id, options),
      terra.getDailyForUser(user.user_id, options),
      terra.getBodyForUser(user.user_id, options),
      terra.getNutritionForUser(user.user_id, options),
      terra.getMenstruationForUser(user.user_id, options),
    ]);
    const references = acks.map((ack) => (ack.getParsedResponse() as SentToWebhook).reference);
    expect(references.every((r) => typeof r === 'string')).toBe(true);
    const mine = (all: ReturnType<Sandbox['deliveries']>) => all.filter((d) => d.user_id === user.user_id);
    // Every request is a large one (a year): done when its announced number of chunks has been delivered.
    const complete = (all: ReturnType<Sandbox['deliveries']>) =>
      references.every((reference) => {
        const sending = all.find((d) => d.reference === reference && d.type === 'large_request_sending');
        if (sending?.status !== 'delivered') return false;
        const expected = (JSON.parse(sending.payload) as { expected_payloads: number }).expected_payloads;
        const chunks = all.filter((d) => d.reference === reference && d.trace_id.includes(':chunk:'));
        return chunks.length === expected && chunks.every((d) => d.status === 'delivered');
      }) && mine(all).every((d) => d.status === 'delivered' || d.status === 'failed');
    const settled = await sandbox.waitForDeliveries(complete, 240_000);
    const deliveries = mine(settled);
    expect(deliveries.every((d) => d.status === 'delivered')).toBe(true);
    await store.idle();
    await store.drain();
    for (const type of DATA_TYPES) {
      const sent = deliveries
        .filter((d) => d.type === type)
        .sort((a, b) => a.ordering_timestamp - b.ordering_timestamp)
        .flatMap((d) => (JSON.parse(d.payload) as { data: Array<Parameters<typeof naturalKey>[1]> }).data);
      const expected = newestByKey(type, sent);
      if (type === 'sleep' || type === 'daily' || type === 'body')
        expect(expected.size, type).toBeGreaterThan(300);
      const stored = await storedByKey(store, type, user.user_id);
      expect(new Set(stored.keys).size, `${type} keys stored once`).toBe(stored.keys.length);
      expect([...stored.map.keys()].sort(), `${type} keys`).toEqual([...expected.keys()].sort());
      for (const [key, record] of expected) expect(stored.map.get(key), `${type} ${key}`).toEqual(record);
    }
    // Every delivery the sandbox counted as delivered is in the inbox, once, processed.
    const inbox = await store.deliveries({ userId: user.user_id, limit: 10_000 });
    expect(inbox.map((d) => d.traceId).sort()).toEqual(deliveries.map((d) => d.trace_id).sort());
    expect(inbox.every((d) => d.status === 'processed')).toBe(true);
    const requests = await db.query<{ expected: number | null; received: number; complete: boolean }>(
      `SELECT expected, received, completed_at IS NOT NULL AS complete FROM terra_large_requests WHERE user_id = $1 AND expected IS NOT NULL`,
      [user.user_id],
    );
    expect(requests.length).toBeGreaterThan(0);
    for (const r of requests)
      expect(r).toEqual({ expected: r.received, received: r.received, complete: true });
    expect(await store.user(user.user_id)).toMatchObject({
      provider: 'OURA',
      referenceId: 'e2e-webhooks',
      state: 'connection_error',
    });
  });
});
