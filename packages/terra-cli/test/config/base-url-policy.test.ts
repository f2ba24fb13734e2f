import { mkdtempSync, writeFileSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type HeaderRecorder, startHeaderRecorder } from '../support/header-recorder.js';
import { runCli } from '../support/run-cli.js';
import { FAKE } from '../support/sandbox.js';

const recorders: HeaderRecorder[] = [];
afterEach(async () => {
  for (const recorder of recorders.splice(0)) await recorder.close();
});

async function recorder(host?: string): Promise<HeaderRecorder> {
  const started = await startHeaderRecorder(host);
  recorders.push(started);
  return started;
}

function dirWithEnv(lines: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'terra-cli-base-url-'));
  writeFileSync(join(dir, '.env'), `${lines.join('\n')}\n`);
  return dir;
}

const ENV_CREDENTIALS = { TERRA_API_KEY: FAKE.apiKey, TERRA_DEV_ID: FAKE.devId };

/** An IPv4 address of this machine that is not loopback, when it has one. */
function nonLoopbackAddress(): string | undefined {
  return Object.values(networkInterfaces())
    .flat()
    .find((address) => address !== undefined && address.family === 'IPv4' && !address.internal)?.address;
}

describe('the host credentials go to', { timeout: 60_000 }, () => {
  it('a .env that sets only TERRA_BASE_URL gets no key from the environment: refused in one line, nothing sent', async () => {
    const server = await recorder();
    const dir = dirWithEnv([`TERRA_BASE_URL=${server.baseUrl}`]);
    for (const args of [['providers'], ['users', 'list']]) {
      const result = await runCli(args, { cwd: dir, env: ENV_CREDENTIALS });
      expect(result.code).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toContain(
        'TERRA_BASE_URL comes from a .env file but the API key from $TERRA_API_KEY',
      );
      expect(result.stderr).toContain(
        'put TERRA_API_KEY and TERRA_DEV_ID in that .env too, or pass --base-url',
      );
    }
    expect(server.requests).toHaveLength(0);
  });

  it('a key given as a flag is not sent to a base URL from .env either', async () => {
    const server = await recorder();
    const dir = dirWithEnv([`TERRA_BASE_URL=${server.baseUrl}`, `TERRA_DEV_ID=${FAKE.devId}`]);
    const result = await runCli(['providers', '--api-key', FAKE.apiKey], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('the API key from --api-key');
    expect(server.requests).toHaveLength(0);
  });

  it('a base URL and credentials from the same .env are used together', async () => {
    const server = await recorder();
    const dir = dirWithEnv([
      `TERRA_BASE_URL=${server.baseUrl}`,
      `TERRA_API_KEY=${FAKE.apiKey}`,
      `TERRA_DEV_ID=${FAKE.devId}`,
    ]);
    const result = await runCli(['providers'], { cwd: dir, env: { TERRA_API_KEY: '', TERRA_DEV_ID: '' } });
    expect(result.code).toBe(0);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.headers['x-api-key']).toBe(FAKE.apiKey);
    expect(server.requests[0]?.headers['dev-id']).toBe(FAKE.devId);
  });

  it('a base URL given on the command line takes the key from the environment', async () => {
    const server = await recorder();
    const dir = dirWithEnv([`TERRA_BASE_URL=http://127.0.0.1:9/v2`]);
    const result = await runCli(['providers', '--base-url', server.baseUrl], {
      cwd: dir,
      env: ENV_CREDENTIALS,
    });
    expect(result.code).toBe(0);
    expect(server.requests.map((request) => request.headers['x-api-key'])).toEqual([FAKE.apiKey]);
  });

  const address = nonLoopbackAddress();
  // Every CI container has an interface besides loopback; a machine without one cannot run this case.
  it.runIf(address !== undefined)(
    'plain http to another machine needs --allow-insecure-http; without it nothing is sent',
    async () => {
      const server = await recorder(address);
      const refused = await runCli(['providers', '--base-url', server.baseUrl], { env: ENV_CREDENTIALS });
      expect(refused.code).toBe(1);
      expect(refused.stderr.trim().split('\n')).toHaveLength(1);
      expect(refused.stderr).toContain('is plain http to another machine');
      expect(refused.stderr).toContain('--allow-insecure-http');
      expect(server.requests).toHaveLength(0);

      const allowed = await runCli(['providers', '--base-url', server.baseUrl, '--allow-insecure-http'], {
        env: ENV_CREDENTIALS,
      });
      expect(allowed.code).toBe(0);
      expect(server.requests.map((request) => request.headers['x-api-key'])).toEqual([FAKE.apiKey]);
    },
  );

  it('plain http to loopback needs no flag', async () => {
    const server = await recorder('127.0.0.1');
    const result = await runCli(
      ['providers', '--base-url', server.baseUrl.replace('127.0.0.1', 'localhost')],
      {
        env: ENV_CREDENTIALS,
      },
    );
    expect(result.code).toBe(0);
    expect(server.requests).toHaveLength(1);
  });
});
