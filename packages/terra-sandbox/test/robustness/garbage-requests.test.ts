import fc from 'fast-check';
import { type Sandbox, startSandbox } from 'terra-sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const API_KEY = 'sbx_canary_KEY_4d5e6f';
const DEV_ID = 'sbx-canary-dev';
const LONG = process.env.TERRA_LONG_TESTS === '1';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, apiKey: API_KEY, devId: DEV_ID });
});
afterAll(() => sandbox.close());

const PATHS = [
  '/v2/sleep',
  '/v2/activity',
  '/v2/body',
  '/v2/daily',
  '/v2/athlete',
  '/v2/userInfo',
  '/v2/bulkUserInfo',
  '/v2/subscriptions',
  '/v2/auth/generateWidgetSession',
  '/v2/auth/authenticateUser',
  '/v2/auth/deauthenticateUser',
  '/v2/integrations',
  '/v2/workouts',
  '/v2/plannedWorkouts',
  '/v2/lab-reports',
  '/api/v2/sleep',
  '/sandbox/api/users',
  '/sandbox/api/faults',
  '/sandbox/api/webhook-url',
  '/sandbox/api/deliveries',
  '/sandbox/api/events/auth',
  '/dashboard',
  '/widget/nope',
  '/nowhere',
];

const query = fc.dictionary(
  fc.constantFrom(
    'user_id',
    'start_date',
    'end_date',
    'to_webhook',
    'with_samples',
    'reference_id',
    'page',
    'per_page',
    'include_payload',
  ),
  fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom('2024-01-01', '2024-13-45', '1704067200', '-1', '1e99', 'true', '%', '%zz'),
  ),
  { maxKeys: 4 },
);
const body = fc.oneof(
  fc.constant(undefined),
  fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
  fc.string({ unit: 'binary', maxLength: 100 }),
  fc.constantFrom(
    '{"spec":"status=999"}',
    '{"spec":"bogus"}',
    '{"status":"x"}',
    '{"url":"ftp://x"}',
    '{',
    '{"__proto__":{"polluted":true}}',
  ),
);

describe('the sandbox under garbage requests', () => {
  it('answers every malformed request with a 4xx (never a 5xx or a dropped connection) and keeps serving', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE'),
        fc.constantFrom(...PATHS),
        query,
        body,
        fc.boolean(),
        fc.option(fc.constantFrom('status=', 'latency=-1', 'times=3', 'nonsense', 'latency=abc;drop'), {
          nil: undefined,
        }),
        async (method, path, params, text, authed, fault) => {
          const url = `${sandbox.url}${path}?${new URLSearchParams(params).toString().replace(/%25/g, '%')}`;
          const headers: Record<string, string> = { 'content-type': 'application/json' };
          if (authed) Object.assign(headers, { 'x-api-key': API_KEY, 'dev-id': DEV_ID });
          if (fault) headers['x-sandbox-fault'] = fault;
          const hasBody = method !== 'GET' && text !== undefined;
          const res = await fetch(url, { method, headers, body: hasBody ? text : undefined });
          await res.arrayBuffer();
          expect(res.status, `${method} ${path}`).toBeLessThan(500);
        },
      ),
      { numRuns: LONG ? 3_000 : 300 },
    );
    sandbox.setFaults({});
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const health = await fetch(`${sandbox.baseUrl}/integrations`);
    expect(health.status).toBe(200);
  });
});
