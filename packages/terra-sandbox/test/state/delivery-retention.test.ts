import { randomUUID } from 'node:crypto';
import { startSandbox } from 'terra-sandbox';
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../src/cli-args.js';
import { renderDeliveriesTable } from '../../src/pages/dashboard-tables.js';
import { DeliveryStore } from '../../src/state/deliveries.js';
import type { Delivery, DeliveryStatus } from '../../src/state/types.js';
import { startReceiver } from '../support/receiver.js';
import { GARMIN_USER } from '../support/sandbox.js';

function delivery(payloadBytes: number, status: DeliveryStatus = 'delivered'): Delivery {
  return {
    id: randomUUID(),
    url: 'http://127.0.0.1:9/hooks',
    type: 'sleep',
    payload: 'x'.repeat(payloadBytes),
    headers: {},
    status,
    attempts: [],
    trace_id: 't',
    reference: 'r',
    ordering_timestamp: 0,
    user_id: null,
    created_at: new Date(0).toISOString(),
    next_attempt_at: null,
  };
}

describe('bounded deliveries', () => {
  it('keep at most maxDeliveries, dropping the oldest first, and count what went', () => {
    const store = new DeliveryStore({ maxDeliveries: 3, maxBytes: 1_000_000 });
    const all = Array.from({ length: 5 }, () => delivery(10));
    for (const d of all) store.add(d);
    expect(store.list().map((d) => d.id)).toEqual(all.slice(2).map((d) => d.id));
    expect(store.stats()).toMatchObject({ kept: 3, keptBytes: 30, dropped: 2, droppedBytes: 20 });
  });

  it('keep at most maxBytes of payloads, dropping the oldest first', () => {
    const store = new DeliveryStore({ maxDeliveries: 100, maxBytes: 2500 });
    const all = [delivery(1000), delivery(1000), delivery(1000), delivery(400)];
    for (const d of all) store.add(d);
    expect(store.list().map((d) => d.id)).toEqual(all.slice(1).map((d) => d.id));
    expect(store.stats()).toMatchObject({ keptBytes: 2400, dropped: 1, droppedBytes: 1000 });
    store.add(delivery(2000));
    expect(store.stats()).toMatchObject({ kept: 2, keptBytes: 2400, dropped: 3, droppedBytes: 3000 });
  });

  it('never drop a delivery still to be sent; it goes once settled, if still over the bound', () => {
    const store = new DeliveryStore({ maxDeliveries: 2, maxBytes: 1_000_000 });
    const pending = delivery(10, 'retrying');
    const later = [delivery(10), delivery(10), delivery(10), delivery(10)];
    store.add(pending);
    for (const d of later.slice(0, 3)) store.add(d);
    expect(store.list()).toEqual([pending, later[2]]);
    expect(store.stats().dropped).toBe(2);
    pending.status = 'delivered';
    store.add(later[3] as Delivery);
    expect(store.list()).toEqual([later[2], later[3]]);
    expect(store.stats()).toMatchObject({ kept: 2, dropped: 3 });
  });

  it('a sandbox with small bounds keeps two-year backfills within them and says so on the dashboard and control API', async () => {
    const receiver = await startReceiver();
    const sandbox = await startSandbox({
      port: 0,
      webhookUrl: receiver.url,
      maxDeliveries: 20,
      maxDeliveryBytes: 200_000,
    });
    try {
      const headers = { 'x-api-key': sandbox.apiKey, 'dev-id': sandbox.devId };
      let reference = '';
      for (let i = 0; i < 3; i++) {
        const res = await fetch(
          `${sandbox.baseUrl}/daily?user_id=${GARMIN_USER}&start_date=2023-01-01&end_date=2025-01-01&to_webhook=true`,
          { headers },
        );
        expect(res.status).toBe(200);
        ({ reference } = (await res.json()) as { reference: string });
      }
      // 3 x (processing + sending + 24 monthly chunks) = 78 deliveries, each chunk tens of KB.
      await receiver.waitFor((all) => all.length === 78, 30_000);
      await sandbox.waitForDeliveries((all) => all.every((d) => d.status === 'delivered'));
      const kept = sandbox.deliveries();
      const bytes = kept.reduce((sum, d) => sum + Buffer.byteLength(d.payload), 0);
      expect(kept.length).toBeLessThanOrEqual(20);
      expect(bytes).toBeLessThanOrEqual(200_000);
      // The newest survive: the last chunk of the last request is kept.
      expect(kept.some((d) => d.trace_id === `${reference}:chunk:24`)).toBe(true);

      const control = await fetch(`${sandbox.url}/sandbox/api/deliveries`, { headers });
      const listed = (await control.json()) as {
        deliveries: unknown[];
        dropped: number;
        dropped_bytes: number;
      };
      expect(listed.deliveries.length).toBe(kept.length);
      expect(listed.dropped).toBe(78 - kept.length);
      expect(listed.dropped_bytes).toBeGreaterThan(0);
      // The dashboard's first paint says so too.
      const page = await (await fetch(`${sandbox.url}/dashboard`)).text();
      expect(page).toContain(`data-dropped="${78 - kept.length}"`);
      expect(page).toContain(
        'dropped to keep memory bounded: the sandbox keeps at most 20 deliveries and 195.3 KB',
      );
    } finally {
      await sandbox.close();
      await receiver.close();
    }
  });

  it('a long backfill holds about one chunk at a time: the next month is made once the last was sent', async () => {
    const receiver = await startReceiver();
    const sandbox = await startSandbox({ port: 0, webhookUrl: receiver.url });
    try {
      const res = await fetch(
        `${sandbox.baseUrl}/daily?user_id=${GARMIN_USER}&start_date=2023-01-01&end_date=2025-01-01&to_webhook=true`,
        { headers: { 'x-api-key': sandbox.apiKey, 'dev-id': sandbox.devId } },
      );
      const { reference } = (await res.json()) as { reference: string };
      let mostWaiting = 0;
      // waitForDeliveries calls the predicate on every change, so it sees every state the store goes through.
      await sandbox.waitForDeliveries((all) => {
        const chunks = all.filter((d) => d.reference === reference && d.trace_id.includes(':chunk:'));
        mostWaiting = Math.max(mostWaiting, chunks.filter((d) => d.status === 'pending').length);
        return chunks.length === 24 && chunks.every((d) => d.status === 'delivered');
      }, 30_000);
      expect(mostWaiting).toBe(1);
      const order = receiver.received.map((h) => h.headers['x-terra-trace-id']);
      expect(order).toEqual([
        `${reference}:processing`,
        `${reference}:sending`,
        ...Array.from({ length: 24 }, (_, i) => `${reference}:chunk:${i + 1}`),
      ]);
    } finally {
      await sandbox.close();
      await receiver.close();
    }
  });

  it('the dashboard table says how many were dropped, how much, the bounds and the flags that raise them', () => {
    const store = new DeliveryStore({ maxDeliveries: 2, maxBytes: 1024 * 1024 });
    for (let i = 0; i < 5; i++) store.add(delivery(2048));
    const markup = renderDeliveriesTable(store.list(), store.stats()).value;
    expect(markup).toContain('data-dropped="3"');
    expect(markup).toContain(
      '3 older deliveries (6.0 KB of payloads) were dropped to keep memory bounded: the sandbox keeps at most 2 deliveries and 1.0 MB of payloads',
    );
    expect(markup).toContain('--max-deliveries');
    expect(markup).toContain('--max-delivery-bytes');
    const none = new DeliveryStore({ maxDeliveries: 10, maxBytes: 1024 * 1024 });
    none.add(delivery(10));
    expect(renderDeliveriesTable(none.list(), none.stats()).value).not.toContain('dropped');
  });

  it('bounds come from options with defaults, and from --max-deliveries / --max-delivery-bytes', async () => {
    expect(parseCliArgs(['--max-deliveries', '50', '--max-delivery-bytes', '1048576']).options).toMatchObject(
      {
        maxDeliveries: 50,
        maxDeliveryBytes: 1048576,
      },
    );
    expect(() => parseCliArgs(['--max-deliveries', '0'])).toThrow(
      /--max-deliveries must be an integer between 1/,
    );
    await expect(startSandbox({ port: 0, maxDeliveries: 0 })).rejects.toThrow(
      /maxDeliveries must be a whole number, 1 or more; got 0/,
    );
    const sandbox = await startSandbox({ port: 0, users: [] });
    await sandbox.close();
  });
});
