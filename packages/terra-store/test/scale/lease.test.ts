import { openStore, type TerraStore } from 'terra-store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerDatabase } from '../support/engines.js';
import { dataPayload, sleepRecord } from '../support/payloads.js';
import { type ScaleProcess, startScaleProcess, stopScaleProcess } from '../support/scale-processes.js';
import { type StoreServer, startStoreServer, TEST_SECRET } from '../support/store-server.js';

const LEASE_MS = 1500;

describe('a worker that stops mid-row (SIGSTOP) on a PostgreSQL server', () => {
  let database: string;
  let store: TerraStore;
  let server: StoreServer;

  beforeAll(async () => {
    database = await createServerDatabase();
    store = await openStore({ database, processing: 'workers' });
    server = await startStoreServer(store);
  });
  afterAll(async () => {
    await server?.close();
    await store?.close();
  });

  const workerEnv = (extra: Record<string, string> = {}) => ({
    ROLE: 'worker',
    STORE_DATABASE: database,
    STORE_SECRET: TEST_SECRET,
    LEASE_MS: String(LEASE_MS),
    POLL_MS: '100',
    ...extra,
  });

  it.each([
    ['claimed', 'before its transaction'],
    ['applied', 'inside its transaction, holding the row lock'],
  ])(
    'frozen at "%s" (%s): another worker takes the row after the lease, and the resumed worker commits nothing',
    async (stage) => {
      const userId = `lease-user-${stage}`;
      const stale = await startScaleProcess(workerEnv({ STALL_AT: stage }));
      let takeover: ScaleProcess | undefined;
      try {
        const posted = await server.post(
          dataPayload('sleep', userId, [sleepRecord(`sleep-${stage}`, '2026-03-01', 1)]),
          { 'x-terra-trace-id': `trace-${stage}`, 'x-terra-ordering-timestamp': '1772400000000' },
        );
        expect(posted.status).toBe(200);
        const id = posted.json.id as number;
        await stale.waitForLine(new RegExp(`^STALLED ${id}$`), 30_000);
        expect((await store.delivery(id))?.status).toBe('pending');

        takeover = await startScaleProcess(workerEnv());
        await takeover.waitForLine(new RegExp(`^STAGE processed ${id}$`), 60_000);
        const taken = await store.delivery(id);
        expect(taken).toMatchObject({ status: 'processed', attempts: 2 });

        // Resumed, it cannot commit: the claim is no longer its own ("claimed"), or the server ended its
        // session when it sat idle in its transaction past the lease ("applied").
        stale.child.kill('SIGCONT');
        await Promise.race([stale.exited, new Promise((resolve) => setTimeout(resolve, 2 * LEASE_MS))]);
        const code = await stopScaleProcess(stale);
        expect(stale.lines).not.toContain(`STAGE processed ${id}`);
        if (stage === 'claimed') {
          expect(code).toBe(0);
          expect(JSON.parse((await stale.waitForLine(/^STOPPED /)).slice(8))).toMatchObject({ processed: 0 });
        }
        expect(await store.delivery(id)).toEqual(taken);
        expect(await store.count('sleep', userId)).toBe(1);
        const [record] = await store.db.query<{ revision: number; inbox_id: number }>(
          'SELECT revision, inbox_id FROM terra_sleep WHERE user_id = $1',
          [userId],
        );
        expect({ revision: Number(record?.revision), inboxId: Number(record?.inbox_id) }).toEqual({
          revision: 1,
          inboxId: id,
        });
        expect(await stopScaleProcess(takeover)).toBe(0);
      } finally {
        await stopScaleProcess(stale);
        if (takeover) await stopScaleProcess(takeover);
      }
    },
  );
});
