import { connect } from 'node:net';
import { createFetchWebhookHandler, createNodeWebhookHandler, TerraWebhooks } from 'terra-ts';
import { afterEach, describe, expect, it } from 'vitest';
import { type Running, serveNode } from '../webhooks/support/servers.js';
import { nodeHeader, nowSeconds } from '../webhooks/support/sign.js';
import { CANARY_WEBHOOK_SECRET } from './support/canary.js';
import { unhandledRejectionsDuring } from './support/counting-fetch.js';

const webhooks = new TerraWebhooks({ secret: CANARY_WEBHOOK_SECRET });

let running: Running | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

/** Sends the head and part of a body over a raw socket, then hangs up. */
function hangUpMidBody(url: string, body: string, sentBytes: number): Promise<void> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(
        `POST / HTTP/1.1\r\nhost: ${hostname}\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\nterra-signature: ${nodeHeader(CANARY_WEBHOOK_SECRET, nowSeconds(), body)}\r\n\r\n${body.slice(0, sentBytes)}`,
        () => setTimeout(() => socket.destroy(), 20),
      );
    });
    socket.on('close', () => resolve());
    socket.on('error', () => {});
  });
}

describe('the Node adapter when the sender misbehaves', () => {
  it('settles every delivery whose sender hangs up mid-body, without calling the handler or an unhandled rejection', async () => {
    const settled: number[] = [];
    let handled = 0;
    const handler = createNodeWebhookHandler(webhooks, () => void handled++, { onError: () => {} });
    running = await serveNode(async (req, res) => {
      await handler(req, res);
      settled.push(res.statusCode);
    });
    const url = running.url;
    const body = JSON.stringify({ type: 'healthcheck', pad: 'x'.repeat(50_000) });
    const unhandled = await unhandledRejectionsDuring(async () => {
      await Promise.all(Array.from({ length: 20 }, (_, i) => hangUpMidBody(url, body, 1_000 * (i + 1))));
      // The server notices each hang-up on its own schedule.
      for (let wait = 0; settled.length < 20 && wait < 100; wait++)
        await new Promise((r) => setTimeout(r, 50));
    });
    expect(unhandled).toEqual([]);
    expect(settled).toHaveLength(20);
    expect(settled.every((status) => status === 400)).toBe(true);
    expect(handled).toBe(0);
  });
});

describe('the Fetch adapter when the body stream fails', () => {
  it('answers 400 for a body stream that errors part-way, without calling the handler', async () => {
    let handled = 0;
    const errors: unknown[] = [];
    const handler = createFetchWebhookHandler(webhooks, () => void handled++, {
      onError: (error) => errors.push(error),
    });
    const encoder = new TextEncoder();
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 3) controller.enqueue(encoder.encode('{"type":"healthcheck",'));
        else controller.error(new Error('connection reset by peer'));
      },
    });
    const request = new Request('http://127.0.0.1/webhooks', {
      method: 'POST',
      headers: { 'terra-signature': nodeHeader(CANARY_WEBHOOK_SECRET, nowSeconds(), '{}') },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    const response = await handler(request);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'unreadable_request' });
    expect(handled).toBe(0);
    expect(errors).toHaveLength(1);
  });
});
