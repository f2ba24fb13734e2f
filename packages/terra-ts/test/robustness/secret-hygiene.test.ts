import { inspect } from 'node:util';
import { type Sandbox, startSandbox } from 'terra-sandbox';
import { createNodeWebhookHandler, Terra, TerraError, TerraWebhooks } from 'terra-ts';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { errorRenderings } from '../support/error-renderings.js';
import { type Running, serveNode } from '../webhooks/support/servers.js';
import { nodeHeader, nowSeconds } from '../webhooks/support/sign.js';
import {
  CANARY_API_KEY,
  CANARY_DEV_ID,
  CANARY_ROTATED_SECRET,
  CANARY_WEBHOOK_SECRET,
  leakedIn,
} from './support/canary.js';
import { faultingFetch } from './support/counting-fetch.js';

/** Every rendering of an error, joined: a canary must appear in none. */
function renderings(error: unknown): string {
  return errorRenderings(error).join('\n');
}

let sandbox: Sandbox;
let receiver: Running;
beforeAll(async () => {
  receiver = await serveNode((_req, res) => res.end('ok'));
  sandbox = await startSandbox({
    port: 0,
    apiKey: CANARY_API_KEY,
    devId: CANARY_DEV_ID,
    secret: CANARY_WEBHOOK_SECRET,
    webhookUrl: receiver.url,
    webhookRetryBaseMs: 10,
  });
});
afterAll(async () => {
  await sandbox.close();
  await receiver.close();
});

describe('the fake API key and webhook secrets never show', () => {
  it('in any error the client can produce, whatever the fault', async () => {
    const faults = [
      'status=400',
      'status=401',
      'status=403',
      'status=404',
      'status=413',
      'status=500',
      'status=503',
      'r1',
      'r2',
      'drop',
      'truncate',
      'non-json',
      'html',
      'slow-body=2000',
    ];
    const errors: unknown[] = [];
    for (const fault of faults) {
      const terra = new Terra({
        apiKey: CANARY_API_KEY,
        devId: CANARY_DEV_ID,
        secret: CANARY_WEBHOOK_SECRET,
        baseUrl: sandbox.baseUrl,
        fetch: faultingFetch(() => fault).fetch,
        maxRetries: 0,
        timeoutMs: 200,
      });
      errors.push(await terra.listProviders().catch((e) => e));
      errors.push(
        await terra.getSleepForUser('nobody', { startDate: '2024-01-01', toWebhook: false }).catch((e) => e),
      );
    }
    const terra = new Terra({
      apiKey: CANARY_API_KEY,
      devId: CANARY_DEV_ID,
      secret: CANARY_WEBHOOK_SECRET,
      baseUrl: sandbox.baseUrl,
    });
    errors.push(await terra.getUserInfo({ userId: 'missing-user' }).catch((e) => e));
    errors.push(await terra.getSleepForUser('', { startDate: 'not a date' }).catch((e) => e));
    errors.push(
      await new Terra({ apiKey: CANARY_API_KEY, devId: 'wrong-dev', baseUrl: sandbox.baseUrl })
        .listProviders()
        .catch((e) => e),
    );
    const aborted = new AbortController();
    aborted.abort(new Error('stop'));
    errors.push(await terra.listProviders({ signal: aborted.signal }).catch((e) => e));
    for (const options of [
      { apiKey: 42 },
      { apiKey: CANARY_API_KEY, devId: CANARY_DEV_ID, baseUrl: `ftp://${CANARY_API_KEY}` },
      { apiKey: CANARY_API_KEY, devId: CANARY_DEV_ID, timeoutMs: -1 },
    ]) {
      try {
        new Terra(options as never);
      } catch (error) {
        errors.push(error);
      }
    }
    // A fault may occasionally let a call through (a slow body that beat the clock): only errors count.
    const thrown = errors.filter((error) => error instanceof Error);
    expect(thrown.length).toBeGreaterThan(30);
    for (const error of thrown) {
      expect(error).toBeInstanceOf(TerraError);
      expect(leakedIn(renderings(error))).toEqual([]);
    }
  });

  it('in the client, its webhook module and its responses when logged or serialised', async () => {
    const terra = new Terra({
      apiKey: CANARY_API_KEY,
      devId: CANARY_DEV_ID,
      secret: [CANARY_ROTATED_SECRET, CANARY_WEBHOOK_SECRET],
      baseUrl: sandbox.baseUrl,
    });
    const response = await terra.listProviders();
    const shown = [terra, terra.webhooks, response, response.getParsedResponse()].flatMap((value) => [
      inspect(value, { depth: 10, showHidden: true }),
      JSON.stringify(value) ?? '',
      String(value),
    ]);
    expect(leakedIn(shown.join('\n'))).toEqual([]);
  });

  it('in any webhook verification error, with one secret or a rotation pair', async () => {
    const body = '{"type":"healthcheck"}';
    const errors: unknown[] = [];
    for (const secret of [
      CANARY_WEBHOOK_SECRET,
      [CANARY_ROTATED_SECRET, CANARY_WEBHOOK_SECRET],
      ` ${CANARY_WEBHOOK_SECRET}\n`,
    ]) {
      const webhooks = new TerraWebhooks({ secret });
      const headers = [
        undefined,
        'garbage',
        `t=${nowSeconds()}`,
        nodeHeader('another-secret', nowSeconds(), body),
        nodeHeader(CANARY_WEBHOOK_SECRET, nowSeconds() - 3_600, body),
        nodeHeader(CANARY_WEBHOOK_SECRET, nowSeconds() + 3_600, body),
      ];
      for (const header of headers) errors.push(await webhooks.handleWebhook(body, header).catch((e) => e));
      errors.push(await webhooks.handleWebhook({ parsed: true } as never, headers[3]).catch((e) => e));
      errors.push(
        await webhooks
          .handleWebhook('[1]', nodeHeader(CANARY_WEBHOOK_SECRET, nowSeconds(), '[1]'))
          .catch((e) => e),
      );
    }
    errors.push(await new TerraWebhooks({}).handleWebhook(body, 't=1,v1=00').catch((e) => e));
    for (const error of errors) {
      expect(error).toBeInstanceOf(TerraError);
      expect(leakedIn(renderings(error))).toEqual([]);
    }
  });

  it('in what the webhook handlers log by default', async () => {
    const logged: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      logged.push(
        args.map((arg) => (arg instanceof Error ? renderings(arg) : inspect(arg, { depth: 10 }))).join(' '),
      );
    });
    try {
      const webhooks = new TerraWebhooks({ secret: [CANARY_ROTATED_SECRET, CANARY_WEBHOOK_SECRET] });
      const handle = createNodeWebhookHandler(webhooks, () => {
        throw new Error('handler failed');
      });
      const res = { statusCode: 0, setHeader() {}, end() {} };
      const body = '{"type":"healthcheck"}';
      // A well-formed, current header: the parsed body (a set-up mistake, logged) is what fails.
      const header = nodeHeader(CANARY_WEBHOOK_SECRET, nowSeconds(), body);
      await handle(
        { method: 'POST', headers: { 'terra-signature': header }, body: { already: 'parsed' } },
        res,
      );
      await handle(
        {
          method: 'POST',
          headers: { 'terra-signature': nodeHeader(CANARY_WEBHOOK_SECRET, nowSeconds(), body) },
          body: Buffer.from(body),
        },
        res,
      );
      expect(res.statusCode).toBe(500);
    } finally {
      spy.mockRestore();
    }
    expect(logged.length).toBeGreaterThanOrEqual(2);
    expect(leakedIn(logged.join('\n'))).toEqual([]);
  });

  it('on any sandbox page, dashboard API or control API answer, after users, deliveries and faults', async () => {
    const user = sandbox.createUser({ provider: 'OURA', reference_id: 'hygiene' });
    sandbox.triggerEvent('auth', user.user_id);
    sandbox.triggerEvent('permission_change', user.user_id);
    await sandbox.waitForDeliveries((deliveries) => deliveries.length >= 2);
    sandbox.setFaults({ status: 503, times: 1 });
    const terra = new Terra({
      apiKey: CANARY_API_KEY,
      devId: CANARY_DEV_ID,
      baseUrl: sandbox.baseUrl,
      retryBaseDelayMs: 1,
    });
    const session = await terra.generateWidgetSession({
      referenceId: 'hygiene',
      providers: ['GARMIN'],
    } as never);
    const widgetUrl = (session.getParsedResponse() as { url?: string }).url;
    const paths = [
      '/dashboard',
      '/dashboard/partials/users',
      '/dashboard/partials/deliveries',
      '/dashboard/api/users',
      '/dashboard/api/deliveries',
      `/dashboard/api/users/${user.user_id}/charts`,
      ...sandbox
        .deliveries()
        .map((delivery) => `/dashboard/api/deliveries/${(delivery as { id: string }).id}`),
    ];
    const auth = { 'x-api-key': CANARY_API_KEY, 'dev-id': CANARY_DEV_ID };
    // The dashboard's data routes need the per-start token its page carries; read them as the page does.
    const dashboard = await (await fetch(`${sandbox.url}/dashboard`)).text();
    const token = /data-token="([^"]+)"/.exec(dashboard)?.[1] ?? '';
    expect(token).not.toBe('');
    const pages: string[] = [];
    for (const path of paths) {
      const answer = await fetch(`${sandbox.url}${path}`, {
        headers: { 'x-sandbox-dashboard-token': token },
      });
      expect([path, answer.status]).toEqual([path, 200]);
      pages.push(await answer.text());
    }
    for (const path of [
      '/sandbox/api/users',
      '/sandbox/api/deliveries?include_payload=true',
      '/sandbox/api/faults',
      '/sandbox/api/webhook-url',
    ]) {
      pages.push(await (await fetch(`${sandbox.url}${path}`, { headers: auth })).text());
    }
    if (widgetUrl) pages.push(await (await fetch(widgetUrl)).text());
    expect(pages.join('').length).toBeGreaterThan(1_000);
    for (const [i, page] of pages.entries())
      expect([paths[i] ?? i, leakedIn(page)]).toEqual([paths[i] ?? i, []]);
  });
});
