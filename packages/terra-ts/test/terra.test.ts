import { readFileSync } from 'node:fs';
import { inspect } from 'node:util';
import { DEFAULT_BASE_URL, Terra, TerraInvalidArgumentError, VERSION } from 'terra-ts';
import { afterEach, describe, expect, it } from 'vitest';
import { TEST_API_KEY, TEST_DEV_ID } from './support/test-server.js';
import { useTestServer } from './support/use-test-server.js';

const ENV_NAMES = ['TERRA_API_KEY', 'TERRA_DEV_ID', 'TERRA_BASE_URL', 'TERRA_WEBHOOK_SECRET'] as const;
const savedEnv = Object.fromEntries(ENV_NAMES.map((n) => [n, process.env[n]]));

const server = useTestServer(() => ({
  body: { status: 'success', providers: ['GARMIN'], sdk_providers: [] },
}));
afterEach(() => {
  for (const name of ENV_NAMES) {
    if (savedEnv[name] === undefined) delete process.env[name];
    else process.env[name] = savedEnv[name];
  }
});

function clearEnv() {
  for (const name of ENV_NAMES) delete process.env[name];
}

describe('new Terra()', () => {
  it('sends x-api-key, dev-id, accept and a terra-ts user-agent on every call', async () => {
    const terra = new Terra({ apiKey: TEST_API_KEY, devId: TEST_DEV_ID, baseUrl: server.baseUrl });
    await terra.listProviders();
    const req = server.requests.at(-1);
    expect(req?.headers['x-api-key']).toBe(TEST_API_KEY);
    expect(req?.headers['dev-id']).toBe(TEST_DEV_ID);
    expect(req?.headers.accept).toBe('application/json');
    expect(req?.headers['user-agent']).toBe(`terra-ts/${VERSION}`);
  });

  it('falls back to TERRA_API_KEY, TERRA_DEV_ID and TERRA_BASE_URL', async () => {
    clearEnv();
    process.env.TERRA_API_KEY = 'env-key';
    process.env.TERRA_DEV_ID = 'env-dev';
    process.env.TERRA_BASE_URL = `${server.baseUrl}/`;
    const terra = new Terra();
    expect(terra.baseUrl).toBe(server.baseUrl);
    await terra.listProviders();
    const req = server.requests.at(-1);
    expect(req?.headers['x-api-key']).toBe('env-key');
    expect(req?.headers['dev-id']).toBe('env-dev');
    expect(req?.path).toBe('/v2/integrations');
  });

  it('prefers explicit options over the environment', () => {
    process.env.TERRA_BASE_URL = 'http://127.0.0.1:1/v2';
    const terra = new Terra({ apiKey: 'k', devId: 'd', baseUrl: server.baseUrl });
    expect(terra.baseUrl).toBe(server.baseUrl);
  });

  it('defaults to the API root every Terra SDK ships', () => {
    clearEnv();
    expect(new Terra({ apiKey: 'k', devId: 'd' }).baseUrl).toBe(DEFAULT_BASE_URL);
    expect(DEFAULT_BASE_URL).toBe('https://api.tryterra.co/v2');
  });

  it('names the option and env var to set when the API key is missing', () => {
    clearEnv();
    const error = captureError(() => new Terra({ devId: 'd' }));
    expect(error).toBeInstanceOf(TerraInvalidArgumentError);
    expect((error as TerraInvalidArgumentError).argument).toBe('apiKey');
    expect((error as Error).message).toContain('TERRA_API_KEY');
  });

  it('names the option and env var to set when the dev id is missing', () => {
    clearEnv();
    const error = captureError(() => new Terra({ apiKey: 'k' }));
    expect((error as TerraInvalidArgumentError).argument).toBe('devId');
    expect((error as Error).message).toContain('TERRA_DEV_ID');
  });

  it('rejects a baseUrl that is not an http(s) URL', () => {
    const error = captureError(() => new Terra({ apiKey: 'k', devId: 'd', baseUrl: 'api.tryterra.co' }));
    expect((error as TerraInvalidArgumentError).argument).toBe('baseUrl');
  });

  it('rejects malformed numeric options', () => {
    expect(() => new Terra({ apiKey: 'k', devId: 'd', timeoutMs: -1 })).toThrow(/timeoutMs/);
    expect(() => new Terra({ apiKey: 'k', devId: 'd', maxRetries: 1.5 })).toThrow(/maxRetries/);
  });

  it('uses the fetch it is given', async () => {
    let calls = 0;
    const terra = new Terra({
      apiKey: 'k',
      devId: 'd',
      baseUrl: server.baseUrl,
      fetch: (input, init) => {
        calls++;
        return fetch(input, init);
      },
    });
    await terra.listProviders();
    expect(calls).toBe(1);
  });

  it('never shows the API key when the client is logged or serialised', () => {
    const terra = new Terra({ apiKey: TEST_API_KEY, devId: 'd', baseUrl: server.baseUrl });
    expect(inspect(terra, { depth: 10, showHidden: true })).not.toContain(TEST_API_KEY);
    expect(JSON.stringify(terra)).not.toContain(TEST_API_KEY);
  });

  it('keeps VERSION equal to package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(VERSION).toBe(pkg.version);
  });
});

function captureError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}
