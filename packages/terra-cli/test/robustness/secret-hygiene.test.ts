import { parseFaults, type Sandbox, startSandbox } from 'terra-sandbox';
import { generateTestSignatureHeader } from 'terra-ts/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, runCli } from '../support/run-cli.js';
import { GARMIN_USER } from '../support/sandbox.js';

// Recognisable fakes of this file's own, so a hit points here.
const API_KEY = 'tk_cli_canary_KEY_3e4f5a6b7c8d';
const DEV_ID = 'cli-canary-dev';
const SECRET = 'whsec_cli_canary_SECRET_9a8b7c';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, apiKey: API_KEY, devId: DEV_ID, secret: SECRET });
});
afterAll(() => sandbox.close());

const env = () => ({
  TERRA_API_KEY: API_KEY,
  TERRA_DEV_ID: DEV_ID,
  TERRA_BASE_URL: sandbox.baseUrl,
  TERRA_WEBHOOK_SECRET: SECRET,
});

function leaks(result: CliResult): string[] {
  const output = result.stdout + result.stderr;
  return [API_KEY, SECRET].filter((secret) => output.includes(secret));
}

describe('CLI output under faults', { timeout: 180_000 }, () => {
  // Each run starts a CLI process: the short variant covers one fault of each kind, the long one them all.
  const faults =
    process.env.TERRA_LONG_TESTS === '1'
      ? [
          'status=500',
          'status=401',
          'status=403',
          'status=429',
          'drop',
          'html',
          'truncate',
          'non-json',
          'r1',
          'r2',
        ]
      : ['status=401', 'drop', 'truncate'];

  it.each(faults)(
    'never shows the API key or webhook secret when the API answers with %s (--debug, no --show-headers)',
    async (fault) => {
      sandbox.setFaults(parseFaults(fault));
      try {
        const runs = await Promise.all([
          runCli(['users', 'list', '--debug'], { env: env(), timeoutMs: 60_000 }),
          runCli(
            [
              'users',
              'info',
              GARMIN_USER,
              '--json',
              '--debug',
              '--api-key',
              API_KEY,
              '--dev-id',
              DEV_ID,
              '--base-url',
              sandbox.baseUrl,
            ],
            { timeoutMs: 60_000 },
          ),
          runCli(
            ['data', 'sleep', '--user', GARMIN_USER, '--from', '2024-01-01', '--to', '2024-01-03', '--debug'],
            { env: env(), timeoutMs: 60_000 },
          ),
        ]);
        for (const run of runs) {
          // The command failed, and said so, without the credentials.
          expect(run.code).not.toBe(0);
          expect(run.stdout + run.stderr).not.toBe('');
          expect(leaks(run)).toEqual([]);
        }
      } finally {
        sandbox.setFaults({});
      }
    },
  );

  it('never shows the webhook secret when verification fails for any reason', async () => {
    const body = '{"type":"healthcheck"}';
    const good = await generateTestSignatureHeader({ payload: body, secret: SECRET });
    const stale = await generateTestSignatureHeader({
      payload: body,
      secret: SECRET,
      timestamp: Math.floor(Date.now() / 1000) - 7_200,
    });
    const headers = [
      'garbage',
      't=1',
      stale,
      good.replace(/v1=(.)/, (_all, first: string) => `v1=${first === '0' ? '1' : '0'}`),
      good,
    ];
    const runs = await Promise.all(
      headers.map((header) =>
        runCli(['webhooks', 'verify', '--header', header, '--debug'], {
          env: env(),
          input: body,
          timeoutMs: 60_000,
        }),
      ),
    );
    expect(runs.map((run) => run.code === 0)).toEqual([false, false, false, false, true]);
    for (const run of runs) expect(leaks(run)).toEqual([]);
  });
});
