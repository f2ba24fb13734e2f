import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Terra } from 'terra-ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

const secret = 'whsec_SEND_TEST_SECRET';
const received: Array<{ body: string; headers: IncomingMessage['headers'] }> = [];
let server: Server;
let url: string;
let status = 200;

beforeAll(async () => {
  server = createServer(async (request, response) => {
    let body = '';
    for await (const chunk of request) body += chunk;
    received.push({ body, headers: request.headers });
    response.statusCode = status;
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/terra`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('terra webhooks send', { timeout: 120_000 }, () => {
  it('posts a realistic example event that verifies with terra-ts and parses to its type', async () => {
    received.length = 0;
    const result = await runCli(['webhooks', 'send', 'sleep', '--to', url, '--secret', secret, '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ type: 'sleep', status: 200, url });
    const [delivery] = received;
    const terra = new Terra({ apiKey: 'unused', devId: 'unused', secret });
    const event = await terra.handleWebhook(
      delivery?.body as string,
      delivery?.headers['terra-signature'] as string,
    );
    expect(event.getParsedResponse().type).toBe('sleep');
    expect(delivery?.headers['x-terra-signature']).toBe(delivery?.headers['terra-signature']);
    expect(delivery?.headers['terra-reference']).toEqual(expect.any(String));
    expect(delivery?.headers['content-type']).toBe('application/json');
  });

  it('makes the event about the user given with --user', async () => {
    received.length = 0;
    await runCli(['webhooks', 'send', 'deauth', '--to', url, '--secret', secret, '--user', 'my-user-1']);
    expect(JSON.parse(received[0]?.body ?? '{}').user.user_id).toBe('my-user-1');
  });

  it('exits 5 with a hint when the endpoint rejects the delivery', async () => {
    status = 401;
    try {
      const result = await runCli(['webhooks', 'send', 'auth', '--to', url, '--secret', secret]);
      expect(result.code).toBe(5);
      expect(result.stderr).toMatch(/answered 401.*same signing secret/);
    } finally {
      status = 200;
    }
  });

  it('lists the known event types for an unknown one', async () => {
    const result = await runCli(['webhooks', 'send', 'nope', '--to', url, '--secret', secret]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/no example for event type "nope".*sleep/);
  });

  it('prints the signed request and sends nothing with --dry-run', async () => {
    received.length = 0;
    const result = await runCli([
      'webhooks',
      'send',
      'activity',
      '--to',
      url,
      '--secret',
      secret,
      '--dry-run',
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`POST ${url}`);
    expect(result.stdout).toContain('terra-signature: [redacted]');
    expect(result.stdout).toContain('"type":"activity"');
    expect(received).toHaveLength(0);
  });
});
