import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { retryDelayMs } from '../../src/webhooks/delivery-queue.js';
import { type Receiver, startReceiver } from '../support/receiver.js';
import { GARMIN_USER, startTestSandbox, type TestSandbox } from '../support/sandbox.js';
import { verifiedByTerraTs } from '../support/verify.js';

describe('webhook retries', () => {
  let t: TestSandbox;
  let receiver: Receiver;
  beforeAll(async () => {
    // Fails the first two attempts, then accepts.
    receiver = await startReceiver((n) => (n < 2 ? 503 : 200));
    t = await startTestSandbox({ webhookUrl: receiver.url, webhookRetryBaseMs: 25 });
  });
  afterAll(async () => {
    await t.sandbox.close();
    await receiver.close();
  });

  it('retries a failing receiver with backoff until it succeeds, re-signing each attempt', async () => {
    const delivery = t.sandbox.triggerEvent('connection_error', GARMIN_USER);
    const [done] = (
      await t.sandbox.waitForDeliveries((all) =>
        all.some((d) => d.id === delivery.id && d.status === 'delivered'),
      )
    ).filter((d) => d.id === delivery.id);
    expect(done?.attempts.map((a) => a.status)).toEqual([503, 503, 200]);
    expect(done?.attempts[0]?.error).toContain('503');
    expect(receiver.received).toHaveLength(3);
    // Every attempt carries the same body and trace id, so receivers can dedupe.
    expect(new Set(receiver.received.map((r) => r.body)).size).toBe(1);
    expect(new Set(receiver.received.map((r) => r.headers['x-terra-trace-id'])).size).toBe(1);
    for (const r of receiver.received) expect(await verifiedByTerraTs(r, t.sandbox.secret)).toBe(true);
  });
});

describe('retry backoff', () => {
  it('doubles from the base delay: 1 s, 2 s, 4 s ... by default', () => {
    expect([1, 2, 3, 4, 9].map((n) => retryDelayMs(1000, n))).toEqual([1000, 2000, 4000, 8000, 256_000]);
  });
});

describe('webhook failures', () => {
  it('gives up after 10 attempts and marks the delivery failed', async () => {
    const receiver = await startReceiver(() => 500);
    const t = await startTestSandbox({ webhookUrl: receiver.url, webhookRetryBaseMs: 1 });
    try {
      const delivery = t.sandbox.triggerEvent('connection_error', GARMIN_USER);
      const all = await t.sandbox.waitForDeliveries(
        (list) => list.some((d) => d.id === delivery.id && d.status === 'failed'),
        20_000,
      );
      const failed = all.find((d) => d.id === delivery.id);
      expect(failed?.attempts).toHaveLength(10);
      expect(receiver.received).toHaveLength(10);
    } finally {
      await t.sandbox.close();
      await receiver.close();
    }
  });

  it('records a connection error when nothing listens at the webhook URL', async () => {
    const receiver = await startReceiver();
    const deadUrl = receiver.url;
    await receiver.close();
    const t = await startTestSandbox({ webhookUrl: deadUrl, webhookRetryBaseMs: 10_000 });
    try {
      const delivery = t.sandbox.triggerEvent('connection_error', GARMIN_USER);
      const all = await t.sandbox.waitForDeliveries((list) =>
        list.some((d) => d.id === delivery.id && d.status === 'retrying'),
      );
      const retrying = all.find((d) => d.id === delivery.id);
      expect(retrying?.attempts[0]?.error).toContain('connection error');
      expect(retrying?.next_attempt_at).not.toBeNull();
    } finally {
      await t.sandbox.close();
    }
  });

  it('gives up on an attempt the receiver never answers, and says it timed out', async () => {
    const sockets = new Set<import('node:net').Socket>();
    const silent = createServer(() => {});
    silent.on('connection', (socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    const t = await startTestSandbox({
      webhookUrl: `http://127.0.0.1:${port}/hooks`,
      webhookTimeoutMs: 100,
      webhookRetryBaseMs: 60_000,
    });
    try {
      const delivery = t.sandbox.triggerEvent('connection_error', GARMIN_USER);
      const all = await t.sandbox.waitForDeliveries((list) =>
        list.some((d) => d.id === delivery.id && d.attempts.length === 1),
      );
      expect(all.find((d) => d.id === delivery.id)?.attempts[0]?.error).toBe('timed out after 100 ms');
    } finally {
      await t.sandbox.close();
      for (const socket of sockets) socket.destroy();
      silent.close();
    }
  });

  it('sends retries to the new webhook URL after it changes', async () => {
    const failing = await startReceiver(() => 500);
    const fixed = await startReceiver();
    const t = await startTestSandbox({ webhookUrl: failing.url, webhookRetryBaseMs: 50 });
    try {
      const delivery = t.sandbox.triggerEvent('connection_error', GARMIN_USER);
      await failing.waitFor((all) => all.length === 1);
      t.sandbox.setWebhookUrl(fixed.url);
      await t.sandbox.waitForDeliveries((all) =>
        all.some((d) => d.id === delivery.id && d.status === 'delivered'),
      );
      expect(fixed.received).toHaveLength(1);
      expect(fixed.received[0]?.body).toBe(delivery.payload);
    } finally {
      await t.sandbox.close();
      await failing.close();
      await fixed.close();
    }
  });

  it('records events as failed with a reason when no webhook URL is configured', async () => {
    const t = await startTestSandbox();
    try {
      const delivery = t.sandbox.triggerEvent('connection_error', GARMIN_USER);
      expect(delivery.status).toBe('failed');
      expect(delivery.attempts[0]?.error).toContain('no webhook URL');
    } finally {
      await t.sandbox.close();
    }
  });
});

describe('webhook concurrency', () => {
  /** A receiver that holds each request until `release`, counting how many it holds at once. */
  async function startHoldingReceiver() {
    const held: Array<() => void> = [];
    let most = 0;
    const server = createServer((req, res) => {
      req.resume();
      held.push(() => res.end('ok'));
      most = Math.max(most, held.length);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return {
      url: `http://127.0.0.1:${port}/hooks`,
      held: () => held.length,
      most: () => most,
      release: () => {
        for (const answer of held.splice(0)) answer();
      },
      close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    };
  }

  it.each([
    [1, 1],
    [4, 4],
  ])(
    'with webhookConcurrency %i keeps at most %i deliveries in flight and delivers every one',
    async (concurrency, most) => {
      const receiver = await startHoldingReceiver();
      const t = await startTestSandbox({ webhookUrl: receiver.url, webhookConcurrency: concurrency });
      try {
        const sent = Array.from({ length: 8 }, () => t.sandbox.triggerEvent('connection_error', GARMIN_USER));
        const deadline = Date.now() + 10_000;
        while (sent.some((d) => t.sandbox.deliveries().find((x) => x.id === d.id)?.status !== 'delivered')) {
          if (Date.now() > deadline) throw new Error('deliveries were not all answered');
          await new Promise((resolve) => setTimeout(resolve, 100));
          receiver.release();
        }
        expect(receiver.most()).toBe(most);
      } finally {
        receiver.release();
        await t.sandbox.close();
        await receiver.close();
      }
    },
  );

  it('refuses a webhookConcurrency outside 1 to 64, saying what it takes', async () => {
    await expect(startTestSandbox({ webhookConcurrency: 0 })).rejects.toThrow(
      /webhookConcurrency must be a whole number from 1 \(one delivery at a time\) to 64; got 0/,
    );
  });
});
