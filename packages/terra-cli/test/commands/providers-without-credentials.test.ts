import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Sandbox } from 'terra-sandbox';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type HeaderRecorder, startHeaderRecorder } from '../support/header-recorder.js';
import { type RunOptions, runCli } from '../support/run-cli.js';
import { FAKE, startTestSandbox } from '../support/sandbox.js';

let sandbox: Sandbox;
let recorder: HeaderRecorder;
// An empty directory: no .env can supply credentials (runCli never passes the runner's TERRA_* variables).
let cwd: string;
beforeAll(async () => {
  [sandbox, recorder] = await Promise.all([startTestSandbox(), startHeaderRecorder()]);
  cwd = mkdtempSync(join(tmpdir(), 'terra-cli-no-credentials-'));
});
afterAll(() => Promise.all([sandbox.close(), recorder.close()]));
beforeEach(() => {
  recorder.requests.length = 0;
});

const run = (args: string[], options: RunOptions = {}) => runCli(args, { cwd, ...options });

function expectNoSecretIn(text: string): void {
  expect(text).not.toContain(FAKE.apiKey);
  expect(text).not.toContain(FAKE.devId);
}

describe('terra providers with no credentials', { timeout: 120_000 }, () => {
  it('lists the providers from a sandbox', async () => {
    const result = await run(['providers', '--base-url', sandbox.baseUrl]);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^provider\s+sdk$/);
    expect(lines).toContainEqual(expect.stringMatching(/^GARMIN\s+false$/));
    expect(lines).toContainEqual(expect.stringMatching(/^APPLE\s+true$/));
    expect(result.stderr).toBe('');
  });

  it('lists the detailed providers, SDK-only ones included, with --detailed --sdk', async () => {
    const result = await run(['providers', '--detailed', '--sdk', '--csv', '--base-url', sandbox.baseUrl]);
    expect(result.code).toBe(0);
    const providers = result.stdout
      .trimEnd()
      .split('\n')
      .slice(1)
      .map((line) => line.split(',')[0]);
    expect(providers).toContain('GARMIN');
    expect(providers).toContain('APPLE');
  });

  it('prints JSON records with --json', async () => {
    const result = await run(['providers', '--json', '--base-url', sandbox.baseUrl]);
    expect(result.code).toBe(0);
    const records = JSON.parse(result.stdout) as Array<{ provider: string; sdk: boolean }>;
    expect(records).toContainEqual({ provider: 'GARMIN', sdk: false });
    expect(records).toContainEqual({ provider: 'APPLE', sdk: true });
  });

  it('sends no x-api-key or dev-id header, plain or --detailed --sdk', async () => {
    expect((await run(['providers', '--base-url', recorder.baseUrl])).code).toBe(0);
    expect((await run(['providers', '--detailed', '--sdk', '--base-url', recorder.baseUrl])).code).toBe(0);
    expect(recorder.requests.map((request) => request.url)).toEqual([
      '/v2/integrations',
      '/v2/integrations/detailed?sdk=true',
    ]);
    for (const { headers } of recorder.requests) {
      expect(headers).not.toHaveProperty('x-api-key');
      expect(headers).not.toHaveProperty('dev-id');
    }
  });

  it('sends neither header when only one of the pair is set, and never prints the one given', async () => {
    const keyOnly = await run(['providers', '--api-key', FAKE.apiKey, '--base-url', recorder.baseUrl]);
    const devIdOnly = await run(['providers', '--base-url', recorder.baseUrl], {
      env: { TERRA_DEV_ID: FAKE.devId },
    });
    expect([keyOnly.code, devIdOnly.code]).toEqual([0, 0]);
    expect(recorder.requests).toHaveLength(2);
    for (const { headers } of recorder.requests) {
      expect(headers).not.toHaveProperty('x-api-key');
      expect(headers).not.toHaveProperty('dev-id');
    }
    expect(keyOnly.stdout + keyOnly.stderr).not.toContain(FAKE.apiKey);
  });

  it('shows under --dry-run the request without credential headers, and sends nothing', async () => {
    const result = await run(['providers', '--dry-run', '--base-url', recorder.baseUrl]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`GET ${recorder.baseUrl}/integrations\n`);
    expect(result.stdout).toContain('accept: application/json');
    expect(result.stdout).not.toMatch(/x-api-key|dev-id/i);
    expect(recorder.requests).toHaveLength(0);
  });

  it('traces under --show-headers --debug the request as sent, without credential headers', async () => {
    const result = await run([
      'providers',
      '--detailed',
      '--show-headers',
      '--debug',
      '--api-key',
      FAKE.apiKey,
      '--base-url',
      recorder.baseUrl,
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`> GET ${recorder.baseUrl}/integrations/detailed?sdk=false`);
    expect(result.stderr).toContain('< HTTP 200');
    expect(result.stderr).not.toMatch(/x-api-key|dev-id/i);
    expectNoSecretIn(result.stdout + result.stderr);
  });
});

describe('terra providers with credentials', { timeout: 120_000 }, () => {
  it('sends both the API key and the developer ID, from flags or the environment', async () => {
    const flags = ['--api-key', FAKE.apiKey, '--dev-id', FAKE.devId];
    expect((await run(['providers', ...flags, '--base-url', recorder.baseUrl])).code).toBe(0);
    const env = { TERRA_API_KEY: FAKE.apiKey, TERRA_DEV_ID: FAKE.devId, TERRA_BASE_URL: recorder.baseUrl };
    expect((await run(['providers', '--detailed', '--sdk'], { env })).code).toBe(0);
    expect(recorder.requests).toHaveLength(2);
    for (const { headers } of recorder.requests) {
      expect(headers['x-api-key']).toBe(FAKE.apiKey);
      expect(headers['dev-id']).toBe(FAKE.devId);
    }
  });

  it('shows the credential headers redacted under --dry-run and --show-headers', async () => {
    const flags = ['--api-key', FAKE.apiKey, '--dev-id', FAKE.devId, '--base-url', recorder.baseUrl];
    const dryRun = await run(['providers', '--dry-run', ...flags]);
    expect(dryRun.stdout).toContain('x-api-key: [redacted]');
    expect(dryRun.stdout).toContain('dev-id: [redacted]');
    const traced = await run(['providers', '--show-headers', ...flags]);
    expect(traced.stderr).toContain('> x-api-key: [redacted]');
    expect(traced.stderr).toContain('> dev-id: [redacted]');
    expectNoSecretIn(dryRun.stdout + dryRun.stderr + traced.stdout + traced.stderr);
  });
});

describe('commands other than providers with no credentials', { timeout: 120_000 }, () => {
  it('still fail with exit code 2 and say how to give the API key, sending nothing', async () => {
    for (const args of [
      ['users', 'list'],
      ['auth', 'url', 'GARMIN'],
    ]) {
      const result = await run([...args, '--base-url', recorder.baseUrl]);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(
        'error: no API key given (hint: pass --api-key, set TERRA_API_KEY, or put it in .env (or try --sandbox))\n',
      );
    }
    expect(recorder.requests).toHaveLength(0);
  });

  it('still fail with exit code 2 when only the developer ID is missing', async () => {
    const result = await run(['users', 'list', '--api-key', FAKE.apiKey, '--base-url', recorder.baseUrl]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: no developer ID given \(hint: pass --dev-id, set TERRA_DEV_ID/);
    expect(recorder.requests).toHaveLength(0);
  });
});
