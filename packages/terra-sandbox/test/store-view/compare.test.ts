import { startSandbox } from 'terra-sandbox';
import { describe, expect, it } from 'vitest';
import type { Delivery } from '../../src/state/types.js';
import { compareRecords, sentFromDeliveries, sentFromGroundTruth } from '../../src/store-view/index.js';

const sleep = (id: string, minutes: number) => ({
  metadata: {
    summary_id: id,
    start_time: '2026-03-01T23:00:00.000000+01:00',
    end_time: '2026-03-02T07:00:00.000000+01:00',
  },
  sleep_durations_data: { asleep: { duration_asleep_state_seconds: minutes * 60 } },
});

function delivery(
  type: string,
  orderingTimestamp: number,
  data: unknown[],
  status: Delivery['status'] = 'delivered',
): Delivery {
  return {
    id: `d${orderingTimestamp}`,
    url: 'http://127.0.0.1:1/webhooks',
    type,
    payload: JSON.stringify({ type, user: { user_id: 'u1' }, data }),
    headers: {},
    status,
    attempts: [],
    trace_id: `t${orderingTimestamp}`,
    reference: `r${orderingTimestamp}`,
    ordering_timestamp: orderingTimestamp,
    user_id: 'u1',
    created_at: '2026-03-02T08:00:00.000Z',
    next_attempt_at: null,
  };
}

describe('comparing what was sent with a store', () => {
  it('counts a record read back with its keys reordered (as PostgreSQL jsonb does) as matching', () => {
    const sent = sleep('a', 420);
    const readBack = JSON.parse(
      `{"sleep_durations_data":{"asleep":{"duration_asleep_state_seconds":25200}},"metadata":${JSON.stringify(sent.metadata)}}`,
    );
    const row = compareRecords('u1', 'sleep', new Map([['a', sent]]), [readBack]);
    expect(row).toMatchObject({ sent: 1, stored: 1, matching: 1, missing: [], stale: [], extra: [] });
  });

  it('names what is missing, stale (an older version) and extra by natural key', () => {
    const sent = new Map<string, unknown>([
      ['a', sleep('a', 420)],
      ['b', sleep('b', 400)],
    ]);
    const row = compareRecords('u1', 'sleep', sent, [sleep('b', 380), sleep('z', 300)]);
    expect(row).toMatchObject({
      sent: 2,
      stored: 2,
      matching: 0,
      missing: ['a'],
      stale: ['b'],
      extra: ['z'],
    });
  });

  it('keys day-keyed types by the local date of start_time', () => {
    const daily = {
      metadata: {
        start_time: '2026-03-01T00:00:00.000000-05:00',
        end_time: '2026-03-02T00:00:00.000000-05:00',
      },
    };
    const row = compareRecords('u1', 'daily', new Map([['2026-03-01', daily]]), [daily]);
    expect(row.matching).toBe(1);
  });

  it('takes from the deliveries only acknowledged data, the newest version of each record by ordering timestamp', () => {
    const sent = sentFromDeliveries([
      delivery('sleep', 2, [sleep('a', 450)]),
      delivery('sleep', 1, [sleep('a', 420)]),
      delivery('sleep', 3, [sleep('b', 400)], 'failed'),
      delivery('auth', 4, []),
    ]);
    const byKey = sent.get('u1')?.get('sleep');
    expect([...(byKey?.keys() ?? [])]).toEqual(['a']);
    expect(byKey?.get('a')).toEqual(sleep('a', 450));
  });
});

describe('what was sent, in live mode', () => {
  it('is the ground truth of data records (athlete left out), keyed as the ledger keys them', () => {
    const record = (type: 'sleep' | 'athlete', key: string) => ({
      type,
      userId: 'u1',
      key,
      orderingTimestamp: 1,
      traceId: 't',
      acknowledged: true,
      record: type === 'sleep' ? sleep(key, 400) : { first_name: 'A' },
    });
    const sent = sentFromGroundTruth({
      now: 0,
      records: [record('sleep', 'a'), record('athlete', 'u1')],
      deliveries: { sent: 2, acknowledged: 2, failed: 0, inFlight: 0 },
    });
    expect([...(sent.get('u1')?.keys() ?? [])]).toEqual(['sleep']);
    expect(sent.get('u1')?.get('sleep')?.get('a')).toEqual(sleep('a', 400));
  });
});

describe('the store option', () => {
  it('rejects a storeView without a records function, saying what it needs', async () => {
    // biome-ignore lint/suspicious/noExplicitAny: deliberately passing a wrong shape, as untyped callers can
    await expect(startSandbox({ port: 0, storeView: { label: 'x' } as any })).rejects.toThrow(
      /storeView must be an object with a records\(userId, type\) function/,
    );
  });

  it('shows no store panel, and says how to attach one, when none is given', async () => {
    const sandbox = await startSandbox({ port: 0, apiKey: 'store-option-key' });
    try {
      const page = await (await fetch(`${sandbox.url}/dashboard`)).text();
      expect(page).not.toContain('data-partial="store"');
      const res = await fetch(`${sandbox.url}/dashboard/api/store`, {
        headers: { 'x-api-key': 'store-option-key', 'dev-id': sandbox.devId },
      });
      expect(res.status).toBe(404);
      expect((await res.json()).error).toMatch(/startSandbox\(\{ storeView \}\)/);
    } finally {
      await sandbox.close();
    }
  });
});
