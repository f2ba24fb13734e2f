import { MemoryLargeRequestStore, TerraInvalidArgumentError } from 'terra-ts';
import { describe, expect, it } from 'vitest';

const HOUR = 3_600_000;
const start = { start: true, ttlMs: HOUR };

describe('MemoryLargeRequestStore', () => {
  it('counts each delivery id once', async () => {
    const store = new MemoryLargeRequestStore();
    await store.addDelivery('ref', 'c1', start);
    await store.addDelivery('ref', 'c1', start);
    expect(await store.addDelivery('ref', 'c2', start)).toEqual({
      expected: undefined,
      received: 2,
      reported: false,
    });
  });

  it('records nothing for an unknown request when the delivery may not start one', async () => {
    const store = new MemoryLargeRequestStore();
    expect(await store.addDelivery('ref', 'trace', { start: false, ttlMs: HOUR })).toBeUndefined();
    expect(store.size).toBe(0);
    await store.announce('ref', undefined, HOUR);
    expect(await store.addDelivery('ref', 'trace', { start: false, ttlMs: HOUR })).toMatchObject({
      received: 1,
    });
  });

  it('keeps the expected count when a later announcement carries none', async () => {
    const store = new MemoryLargeRequestStore();
    await store.announce('ref', 4, HOUR);
    expect(await store.announce('ref', undefined, HOUR)).toEqual({
      expected: 4,
      received: 0,
      reported: false,
    });
  });

  it('lets exactly one claim of a completion win, and changes nothing once reported', async () => {
    const store = new MemoryLargeRequestStore();
    expect(await store.claimCompletion('unknown')).toBe(false);
    await store.announce('ref', 1, HOUR);
    await store.addDelivery('ref', 'c1', start);
    const claims = await Promise.all([store.claimCompletion('ref'), store.claimCompletion('ref')]);
    expect(claims.sort()).toEqual([false, true]);
    expect(await store.addDelivery('ref', 'c2', start)).toEqual({ expected: 1, received: 1, reported: true });
    expect(await store.announce('ref', 9, HOUR)).toEqual({ expected: 1, received: 1, reported: true });
  });

  it('forgets a request once its TTL has passed', async () => {
    const store = new MemoryLargeRequestStore();
    await store.addDelivery('ref', 'c1', { start: true, ttlMs: 20 });
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(await store.get('ref')).toBeUndefined();
    expect(await store.addDelivery('ref', 'c2', start)).toMatchObject({ received: 1 });
  });

  it('when full, evicts a reported request first, then the oldest never announced, then the oldest', async () => {
    const store = new MemoryLargeRequestStore({ maxRequests: 3 });
    await store.announce('announced-1', 5, HOUR);
    await store.addDelivery('chunks-only', 'c1', start);
    await store.announce('reported', 0, HOUR);
    await store.claimCompletion('reported');
    await store.announce('announced-2', 5, HOUR);
    expect(await store.get('reported')).toBeUndefined();
    expect(await store.get('chunks-only')).toBeDefined();
    await store.announce('announced-3', 5, HOUR);
    expect(await store.get('chunks-only')).toBeUndefined();
    await store.announce('announced-4', 5, HOUR);
    expect(await store.get('announced-1')).toBeUndefined();
    expect(store.size).toBe(3);
  });

  it('keeps a request in progress however many others complete around it', async () => {
    const store = new MemoryLargeRequestStore({ maxRequests: 5 });
    await store.announce('big', 10, HOUR);
    await store.addDelivery('big', 'big:chunk:1', start);
    for (let i = 0; i < 100; i++) {
      await store.announce(`done-${i}`, 1, HOUR);
      await store.addDelivery(`done-${i}`, 'chunk', start);
      await store.claimCompletion(`done-${i}`);
    }
    expect(store.size).toBeLessThanOrEqual(5);
    expect(await store.get('big')).toEqual({ expected: 10, received: 1, reported: false });
  });

  it('refuses a maxRequests that is not a positive number', () => {
    expect(() => new MemoryLargeRequestStore({ maxRequests: 0 })).toThrow(TerraInvalidArgumentError);
  });
});
