import { build } from 'esbuild';
import { type Sandbox, startSandbox } from 'terra-sandbox';
import { type DataReturned, Terra, TerraClient, Workouts } from 'terra-ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// TerraClient is Terra without webhook handling: the same data calls, against the same local Terra.
let sandbox: Sandbox;
let client: TerraClient;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, users: [{ provider: 'GARMIN', user_id: 'garmin-user' }] });
  client = new TerraClient({ apiKey: sandbox.apiKey, devId: sandbox.devId, baseUrl: sandbox.baseUrl });
});
afterAll(() => sandbox.close());

describe('TerraClient', () => {
  it('makes the data calls Terra makes, with the same results', async () => {
    const terra = new Terra({ apiKey: sandbox.apiKey, devId: sandbox.devId, baseUrl: sandbox.baseUrl });
    expect((await client.listProviders()).getParsedResponse().providers).toContain('GARMIN');
    const user = await client.fromUserId('garmin-user');
    const range = { startDate: '2025-03-01', endDate: '2025-03-08', toWebhook: false };
    const sleep = (await user.getSleep(range)).getParsedResponse() as DataReturned;
    const viaTerra = (await (await terra.fromUserId('garmin-user')).getSleep(range)).getParsedResponse();
    expect(sleep.data.length).toBeGreaterThan(0);
    expect(sleep.data).toEqual((viaTerra as DataReturned).data);
  });

  it('has no webhook surface, and Terra is a TerraClient that has one', () => {
    expect('handleWebhook' in client).toBe(false);
    expect('webhooks' in client).toBe(false);
    const terra = new Terra({ apiKey: 'k', devId: 'd', secret: 's' });
    expect(terra).toBeInstanceOf(TerraClient);
    expect(typeof terra.handleWebhook).toBe('function');
  });

  it('builds the resource classes, as Terra does', async () => {
    const workouts = new Workouts(client);
    expect(workouts).toBeInstanceOf(Workouts);
  });

  it('refuses options that are not an object with a message naming both classes', () => {
    expect(() => new TerraClient(42 as never)).toThrow(/new TerraClient\(\{ apiKey, devId \}\)/);
  });

  it('keeps webhook verification and event parsing out of a bundle that only calls the API', async () => {
    const bundle = async (code: string) => {
      const result = await build({
        stdin: { contents: code, resolveDir: import.meta.dirname, loader: 'js' },
        bundle: true,
        minify: true,
        format: 'esm',
        platform: 'node',
        write: false,
      });
      return new TextDecoder().decode(result.outputFiles[0]?.contents);
    };
    const clientOnly = await bundle(
      "import { TerraClient } from 'terra-ts'; export const run = () => new TerraClient({ apiKey: 'k', devId: 'd' }).listProviders();",
    );
    const withWebhooks = await bundle(
      "import { Terra } from 'terra-ts'; export const run = () => new Terra({ apiKey: 'k', devId: 'd' }).listProviders();",
    );
    // Words only the webhook code carries: the signature header's name and the event discriminants.
    for (const marker of ['terra-signature', 'access_revoked', 'large_request_processing']) {
      expect(withWebhooks).toContain(marker);
      expect(clientOnly).not.toContain(marker);
    }
    expect(clientOnly.length).toBeLessThan(withWebhooks.length * 0.8);
  });
});
