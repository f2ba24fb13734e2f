import { type Sandbox, startSandbox } from 'terra-sandbox';
import { Terra, TerraInvalidArgumentError } from 'terra-ts';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useTestServer } from '../support/use-test-server.js';

const ENV_NAMES = ['TERRA_API_KEY', 'TERRA_DEV_ID', 'TERRA_BASE_URL', 'TERRA_WEBHOOK_SECRET'] as const;
const savedEnv = Object.fromEntries(ENV_NAMES.map((name) => [name, process.env[name]]));
beforeEach(() => {
  for (const name of ENV_NAMES) delete process.env[name];
});
afterEach(() => {
  for (const name of ENV_NAMES) {
    if (savedEnv[name] === undefined) delete process.env[name];
    else process.env[name] = savedEnv[name];
  }
});

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, users: [{ provider: 'GARMIN', user_id: 'garmin-user' }] });
});
afterAll(() => sandbox.close());

const recorder = useTestServer((request) =>
  request.path === '/v2/integrations/detailed'
    ? { body: { status: 'success', providers: [{ provider: 'OURA', enabled: true }] } }
    : { body: { status: 'success', providers: ['GARMIN'], sdk_providers: ['APPLE'] } },
);

describe('a client built without credentials', () => {
  it('lists the providers of a sandbox, plain and detailed', async () => {
    const terra = new Terra({ baseUrl: sandbox.baseUrl });
    expect((await terra.listProviders()).getParsedResponse().providers).toContain('GARMIN');
    const detailed = (await terra.listProvidersDetailed({ sdk: true })).getParsedResponse();
    expect(detailed.providers.map((provider) => provider.provider)).toContain('APPLE');
  });

  it('sends neither x-api-key nor dev-id to the public endpoints', async () => {
    const terra = new Terra({ baseUrl: recorder.baseUrl });
    await terra.listProviders();
    await terra.listProvidersDetailed();
    expect(recorder.requests.map((request) => request.path)).toEqual([
      '/v2/integrations',
      '/v2/integrations/detailed',
    ]);
    for (const { headers } of recorder.requests) {
      expect(headers).not.toHaveProperty('x-api-key');
      expect(headers).not.toHaveProperty('dev-id');
      expect(headers.accept).toBe('application/json');
    }
  });

  it('refuses every other call with a TerraInvalidArgumentError naming what to set, sending nothing', async () => {
    const terra = new Terra({ baseUrl: recorder.baseUrl });
    for (const call of [
      () => terra.listUsers(),
      () => terra.generateAuthenticationUrl({ resource: 'GARMIN' }),
      () => terra.getSleepForUser('garmin-user', { startDate: '2024-01-01' }),
    ]) {
      const error = await call().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(TerraInvalidArgumentError);
      expect((error as TerraInvalidArgumentError).argument).toBe('apiKey');
      expect((error as Error).message).toContain('No Terra apiKey');
      expect((error as Error).message).toContain('TERRA_API_KEY');
      expect((error as Error).message).toContain('listProviders');
    }
    expect(recorder.requests).toHaveLength(0);
  });

  it('is refused by the sandbox on a credentialed call only once credentials are given', async () => {
    const anonymous = new Terra({ baseUrl: sandbox.baseUrl });
    await expect(anonymous.listUsers()).rejects.toBeInstanceOf(TerraInvalidArgumentError);
    const terra = new Terra({ apiKey: sandbox.apiKey, devId: sandbox.devId, baseUrl: sandbox.baseUrl });
    const users = (await terra.listUsers()).getParsedResponse().users;
    expect(users.map((user) => user.user_id)).toContain('garmin-user');
  });

  it('treats half a pair from the environment as none: public calls send nothing, others name the missing one', async () => {
    process.env.TERRA_DEV_ID = 'dev-id-from-the-environment';
    const terra = new Terra({ baseUrl: recorder.baseUrl });
    await terra.listProviders();
    expect(recorder.requests[0]?.headers).not.toHaveProperty('dev-id');
    const error = await terra.listUsers().catch((caught: unknown) => caught);
    expect((error as TerraInvalidArgumentError).argument).toBe('apiKey');
    expect((error as Error).message).toContain('set the TERRA_API_KEY environment variable');
    expect((error as Error).message).not.toContain('dev-id-from-the-environment');
  });

  it('still fails at construction on half a pair in the options', () => {
    expect(() => new Terra({ apiKey: 'key-only', baseUrl: recorder.baseUrl })).toThrow(/TERRA_DEV_ID/);
  });
});
