import { type Sandbox, startSandbox } from 'terra-sandbox';
import { type Database, openStore, type TerraStore } from 'terra-store';
import { Terra } from 'terra-ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, openTestDatabase } from '../support/engines.js';

const TYPES = ['sleep', 'daily'] as const;

describe.each(ENGINES)('backfill on %s', (engine) => {
  let db: Database;
  let store: TerraStore;
  let sandbox: Sandbox;
  beforeAll(async () => {
    db = await openTestDatabase(engine);
    sandbox = await startSandbox({ port: 0, users: [], seed: 11 });
    const terra = new Terra({
      apiKey: sandbox.apiKey,
      devId: sandbox.devId,
      baseUrl: sandbox.baseUrl,
      maxRetries: 1,
    });
    store = await openStore({ database: db, terra });
  });
  afterAll(async () => {
    await sandbox?.close();
    await store?.close();
    await db?.close();
  });

  it('resumes where it stopped: a stopped run, then failed windows, then a run that completes, each window once', async () => {
    const user = sandbox.createUser({ provider: 'GARMIN' });
    const range = {
      userId: user.user_id,
      from: '2025-09-01',
      to: '2026-03-01',
      types: TYPES,
      chunkDays: 30,
      concurrency: 1,
    };
    // Stop after two windows, as a deploy would.
    const stop = new AbortController();
    const stopped = await store.backfill({
      ...range,
      signal: stop.signal,
      onProgress: (p) => p.done >= 2 && stop.abort(),
    });
    expect(stopped.done).toBe(2);
    expect(stopped.total).toBe(2 * 7);
    // The API fails for a while: the windows it hits are kept as failed and the call says so.
    sandbox.setFaults({ status: 500, times: 4 });
    const failed = await store.backfill(range).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(AggregateError);
    expect((failed as Error).message).toMatch(/backfill windows failed.*run the backfill again/);
    const states = await db.query<{ status: string; n: number }>(
      `SELECT status, count(*)::int AS n FROM terra_backfill_chunks WHERE user_id = $1 GROUP BY status ORDER BY status`,
      [user.user_id],
    );
    expect(states.find((s) => s.status === 'failed')?.n).toBeGreaterThan(0);
    sandbox.setFaults({});
    const resumed = await store.backfill(range);
    expect(resumed.done).toBe(resumed.total);
    expect(resumed.resumed).toBeGreaterThanOrEqual(2);
    expect(resumed.failed).toBe(0);
    const rows = await db.query<{ status: string; n: number }>(
      `SELECT status, count(*)::int AS n FROM terra_backfill_chunks WHERE user_id = $1 GROUP BY status`,
      [user.user_id],
    );
    expect(rows).toEqual([{ status: 'done', n: 14 }]);
    // The same records as one uninterrupted fetch of the range.
    const terra = new Terra({ apiKey: sandbox.apiKey, devId: sandbox.devId, baseUrl: sandbox.baseUrl });
    const served = (
      await terra.getSleepForUser(user.user_id, {
        startDate: range.from,
        endDate: range.to,
        toWebhook: false,
      })
    ).getJson() as { data: Array<{ metadata: { summary_id: string } }> };
    const stored = await store.records('sleep', user.user_id);
    expect(stored.map((s) => s.metadata.summary_id).sort()).toEqual(
      served.data.map((s) => s.metadata.summary_id).sort(),
    );
    const sources = await db.query<{ source: string; revision: number }>(
      `SELECT DISTINCT source, revision FROM terra_sleep WHERE user_id = $1`,
      [user.user_id],
    );
    expect(sources).toEqual([{ source: 'backfill', revision: 1 }]);
  });
});
