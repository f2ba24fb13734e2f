import {
  type DedupeClaim,
  MemoryDedupeStore,
  TerraInvalidArgumentError,
  TerraWebhookResponse,
  UnknownWebhookEvent,
  type WebhookDedupeStore,
  WebhookDeduplicator,
  webhookDedupeKey,
} from 'terra-ts';
import { describe, expect, it } from 'vitest';

describe('WebhookDeduplicator', () => {
  it('runs the handler once per key and reports later copies as duplicates', async () => {
    const dedupe = new WebhookDeduplicator();
    let calls = 0;
    const handler = async () => ++calls;
    expect(await dedupe.run('trace-1', handler)).toEqual({ status: 'handled', value: 1 });
    expect(await dedupe.run('trace-1', handler)).toEqual({ status: 'duplicate' });
    expect(await dedupe.run('trace-2', handler)).toEqual({ status: 'handled', value: 2 });
  });

  it('lets exactly one of many simultaneous deliveries of the same trace id run', async () => {
    const dedupe = new WebhookDeduplicator();
    let calls = 0;
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        dedupe.run('same-trace', async () => {
          calls += 1;
          await new Promise((resolve) => setTimeout(resolve, 10));
        }),
      ),
    );
    expect(calls).toBe(1);
    expect(results.filter((result) => result.status === 'handled')).toHaveLength(1);
    expect(results.filter((result) => result.status === 'in_progress')).toHaveLength(19);
  });

  it('releases the key when the handler throws, so Terra’s retry runs again', async () => {
    const dedupe = new WebhookDeduplicator();
    await expect(
      dedupe.run('trace-x', () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await dedupe.run('trace-x', () => 'second try')).toEqual({
      status: 'handled',
      value: 'second try',
    });
  });

  it('always runs deliveries without a key', async () => {
    const dedupe = new WebhookDeduplicator();
    let calls = 0;
    await dedupe.run(undefined, () => calls++);
    await dedupe.run(undefined, () => calls++);
    expect(calls).toBe(2);
  });

  it('forgets handled keys after their TTL', async () => {
    const dedupe = new WebhookDeduplicator({ ttlSeconds: 0.02 });
    await dedupe.run('short', () => 1);
    expect((await dedupe.run('short', () => 2)).status).toBe('duplicate');
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(await dedupe.run('short', () => 3)).toEqual({ status: 'handled', value: 3 });
  });

  it('works with a user-supplied async store', async () => {
    const states = new Map<string, DedupeClaim>();
    const calls: string[] = [];
    const store: WebhookDedupeStore = {
      async claim(key) {
        calls.push(`claim:${key}`);
        const state = states.get(key);
        if (state) return state;
        states.set(key, 'in_progress');
        return 'claimed';
      },
      async complete(key) {
        calls.push(`complete:${key}`);
        states.set(key, 'done');
      },
      async release(key) {
        calls.push(`release:${key}`);
        states.delete(key);
      },
    };
    const dedupe = new WebhookDeduplicator({ store });
    await dedupe.run('k', () => 1);
    expect(await dedupe.run('k', () => 2)).toEqual({ status: 'duplicate' });
    expect(calls).toEqual(['claim:k', 'complete:k', 'claim:k']);
  });

  it('rejects nonsensical options', () => {
    expect(() => new WebhookDeduplicator({ ttlSeconds: 0 })).toThrow(TerraInvalidArgumentError);
    expect(() => new WebhookDeduplicator({ lockSeconds: -1 })).toThrow(TerraInvalidArgumentError);
    expect(() => new MemoryDedupeStore({ maxEntries: 0 })).toThrow(TerraInvalidArgumentError);
  });
});

describe('MemoryDedupeStore', () => {
  it('stays within maxEntries by evicting the oldest keys', async () => {
    const store = new MemoryDedupeStore({ maxEntries: 3 });
    for (const key of ['a', 'b', 'c', 'd', 'e']) await store.complete(key, 60_000);
    expect(store.size).toBe(3);
    expect(await store.claim('a', 60_000)).toBe('claimed');
    expect(await store.claim('e', 60_000)).toBe('done');
  });
});

describe('webhookDedupeKey', () => {
  const response = (json: Record<string, unknown>, traceId?: string) =>
    new TerraWebhookResponse(json, new UnknownWebhookEvent(json), {
      reference: undefined,
      traceId,
      orderingTimestamp: undefined,
    });

  it('prefers the trace id, falls back to a lab report event_id, else has none', () => {
    expect(webhookDedupeKey(response({ type: 'sleep' }, 'trace-7'))).toBe('trace-7');
    expect(webhookDedupeKey(response({ type: 'lab_report.failed', event_id: 'evt_1' }))).toBe('event:evt_1');
    expect(webhookDedupeKey(response({ type: 'sleep' }))).toBeUndefined();
  });
});
