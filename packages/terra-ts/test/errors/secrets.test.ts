import { Terra, TerraError } from 'terra-ts';
import { describe, expect, it } from 'vitest';
import { errorRenderings } from '../support/error-renderings.js';
import { terraFor } from '../support/terra-for.js';
import { type Reply, TEST_API_KEY } from '../support/test-server.js';
import { useTestServer } from '../support/use-test-server.js';

let reply: Reply = {};
const server = useTestServer(() => reply);

const renderings = errorRenderings;

describe('the API key never appears in an error', () => {
  const cases: Array<[string, Reply]> = [
    [
      'a problem+json 401',
      { status: 401, body: { type: 'about:blank', title: 'unauthorized', instance: '/v2/x' } },
    ],
    ['an error body that echoes the key', { status: 400, body: { message: `bad key ${TEST_API_KEY}` } }],
    ['a text error body that echoes the key', { status: 500, body: `failed for ${TEST_API_KEY}` }],
    ['a 2xx HTML body that echoes the key', { status: 200, body: `<html>${TEST_API_KEY}</html>` }],
    ['a timeout', { delayMs: 2_000, body: {} }],
    ['a dropped connection', { drop: true }],
  ];

  it.each(cases)('after %s', async (_label, r) => {
    reply = r;
    const error = await terraFor(server, { maxRetries: 0, timeoutMs: 50 })
      .listProviders()
      .catch((e) => e);
    expect(error).toBeInstanceOf(TerraError);
    for (const text of renderings(error)) expect(text).not.toContain(TEST_API_KEY);
  });

  it('for invalid arguments', async () => {
    const terra = new Terra({ apiKey: TEST_API_KEY, devId: 'd', baseUrl: server.baseUrl });
    const error = await terra.getSleepForUser('', { startDate: 'nope' }).catch((e) => e);
    expect(error).toBeInstanceOf(TerraError);
    for (const text of renderings(error)) expect(text).not.toContain(TEST_API_KEY);
  });
});
