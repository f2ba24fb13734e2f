import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Sandbox } from 'terra-sandbox';
import { Terra } from 'terra-ts';
import { afterEach, describe, expect, it } from 'vitest';
import { LiveCli } from '../support/run-cli.js';
import { FAKE, GARMIN_USER, startTestSandbox } from '../support/sandbox.js';

interface Forwarded {
  body: string;
  headers: IncomingMessage['headers'];
}

let cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

async function startForwardTarget(): Promise<{ url: string; received: Forwarded[] }> {
  const received: Forwarded[] = [];
  const server: Server = createServer(async (request, response) => {
    let body = '';
    for await (const chunk of request) body += chunk;
    received.push({ body, headers: request.headers });
    response.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanup.push(() => new Promise((resolve) => server.close(resolve)));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, received };
}

async function startListener(args: string[]): Promise<{ cli: LiveCli; url: string }> {
  const cli = new LiveCli(['webhooks', 'listen', '--port', '0', '--secret', FAKE.secret, ...args]);
  cleanup.push(() => cli.interrupt());
  const [, url] = await cli.waitFor('stderr', /Listening for Terra webhooks on (\S+?)[,.]? /);
  return { cli, url: url as string };
}

describe('terra webhooks listen', { timeout: 120_000 }, () => {
  it('verifies and prints sandbox deliveries as NDJSON, forwarding each unchanged', async () => {
    const target = await startForwardTarget();
    const { cli, url } = await startListener(['--ndjson', '--count', '2', '--forward', target.url]);
    const sandbox: Sandbox = await startTestSandbox({ webhookUrl: url });
    cleanup.push(() => sandbox.close());

    sandbox.triggerEvent('permission_change', GARMIN_USER);
    const terra = new Terra({ apiKey: sandbox.apiKey, devId: sandbox.devId, baseUrl: sandbox.baseUrl });
    await terra.getSleepForUser(GARMIN_USER, {
      startDate: '2024-01-01',
      endDate: '2024-01-03',
      toWebhook: true,
    });

    expect(await cli.exited).toBe(0);
    const events = cli.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(events.map((event) => event.type).sort()).toEqual(['permission_change', 'sleep']);
    for (const event of events) {
      expect(event).toMatchObject({
        verified: true,
        user_id: GARMIN_USER,
        provider: 'GARMIN',
        forward_status: 200,
      });
      expect(event.trace_id).toEqual(expect.any(String));
    }
    expect(events.find((event) => event.type === 'sleep').records).toBeGreaterThan(0);

    // The forward target gets Terra's bytes and signature, so it can verify them itself.
    expect(target.received).toHaveLength(2);
    const verifier = new Terra({ apiKey: 'unused', devId: 'unused', secret: FAKE.secret });
    for (const delivery of target.received) {
      const header = delivery.headers['terra-signature'] as string;
      expect(await verifier.checkTerraSignature(delivery.body, header)).toBe(true);
      expect(delivery.headers['x-terra-trace-id']).toEqual(expect.any(String));
    }
  });

  it('rejects unsigned and badly signed deliveries with 400/401 and says why', async () => {
    const { cli, url } = await startListener(['--ndjson']);
    const unsigned = await fetch(url, { method: 'POST', body: '{"type":"sleep"}' });
    expect(unsigned.status).toBe(400);
    const forged = await fetch(url, {
      method: 'POST',
      body: '{"type":"sleep"}',
      headers: { 'terra-signature': `t=${Math.floor(Date.now() / 1000)},v1=${'0'.repeat(64)}` },
    });
    expect(forged.status).toBe(401);
    const wrongMethod = await fetch(url);
    expect(wrongMethod.status).toBe(405);
    await cli.waitFor('stdout', /signature_mismatch/);
    const events = cli.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(events.map((event) => [event.verified, event.reason])).toEqual([
      [false, 'missing_header'],
      [false, 'signature_mismatch'],
    ]);
  });

  it('pretty-prints each event on one line and stops cleanly on Ctrl-C', async () => {
    const { cli, url } = await startListener([]);
    const sandbox: Sandbox = await startTestSandbox({ webhookUrl: url });
    cleanup.push(() => sandbox.close());
    sandbox.triggerEvent('access_revoked', GARMIN_USER);
    await cli.waitFor('stdout', /access_revoked/);
    expect(cli.stdout).toMatch(
      new RegExp(`^\\d\\d:\\d\\d:\\d\\d ✓ access_revoked  user ${GARMIN_USER} \\(GARMIN\\)`, 'm'),
    );
    expect(await cli.interrupt()).toBe(0);
    expect(cli.stdout + cli.stderr).not.toContain(FAKE.secret);
  });

  it('with --sandbox, receives the deliveries of the sandbox it starts', async () => {
    const cli = new LiveCli(['webhooks', 'listen', '--port', '0', '--sandbox', '--ndjson', '--count', '1']);
    cleanup.push(() => cli.interrupt());
    const [, baseUrl, apiKey, devId] = await cli.waitFor(
      'stderr',
      /--base-url (\S+) --api-key (\S+) --dev-id (\S+)/,
    );
    const terra = new Terra({ apiKey, devId, baseUrl });
    await terra.getDailyForUser(GARMIN_USER, {
      startDate: '2024-01-01',
      endDate: '2024-01-02',
      toWebhook: true,
    });
    expect(await cli.exited).toBe(0);
    expect(JSON.parse(cli.stdout)).toMatchObject({ verified: true, type: 'daily', user_id: GARMIN_USER });
  });

  it('exits 1 with a hint when the port is taken', async () => {
    const { url } = await startListener([]);
    const port = new URL(url).port;
    const second = new LiveCli(['webhooks', 'listen', '--port', port, '--secret', FAKE.secret]);
    expect(await second.exited).toBe(1);
    expect(second.stderr).toMatch(/EADDRINUSE.*--port/);
  });
});
