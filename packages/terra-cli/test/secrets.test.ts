import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Sandbox } from 'terra-sandbox';
import { generateTestSignatureHeader } from 'terra-ts/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, runCli } from './support/run-cli.js';
import { FAKE, GARMIN_USER, sandboxArgs, sandboxEnv, startTestSandbox } from './support/sandbox.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());

function expectNoSecret(result: CliResult) {
  const output = result.stdout + result.stderr;
  expect(output).not.toContain(FAKE.apiKey);
  expect(output).not.toContain(FAKE.secret);
}

describe('secrets', { timeout: 120_000 }, () => {
  it('never appear in the output of any command, successful or failing', async () => {
    const body = '{"type":"auth","status":"success"}';
    const header = await generateTestSignatureHeader({ payload: body, secret: FAKE.secret });
    const runs = await Promise.all([
      runCli(['users', 'list', '--json', '--secret', FAKE.secret, ...sandboxArgs(sandbox)]),
      runCli(['users', 'info', GARMIN_USER, '--debug', ...sandboxArgs(sandbox)]),
      runCli(['users', 'info', 'missing', '--debug', ...sandboxArgs(sandbox)]),
      runCli(
        ['data', 'sleep', '--user', GARMIN_USER, '--from', '2024-01-01', '--to', '2024-01-03', '--ndjson'],
        {
          env: sandboxEnv(sandbox),
        },
      ),
      runCli([
        'users',
        'list',
        '--base-url',
        sandbox.baseUrl,
        '--api-key',
        FAKE.apiKey,
        '--dev-id',
        'wrong',
        '--debug',
      ]),
      runCli(['webhooks', 'verify', '--secret', FAKE.secret, '--header', header, '--json'], { input: body }),
      runCli(['webhooks', 'verify', '--secret', FAKE.secret, '--header', 't=1,v1=00', '--debug'], {
        input: body,
      }),
      runCli(['webhooks', 'sign', '--secret', FAKE.secret], { input: body }),
      runCli(['users', 'deauth', GARMIN_USER, '--dry-run', ...sandboxArgs(sandbox)]),
    ]);
    for (const result of runs) expectNoSecret(result);
    expect(runs.map((result) => result.code)).toEqual([0, 0, 3, 0, 2, 0, 6, 0, 0]);
  });

  it('are redacted in the --show-headers trace while the rest of the request is shown', async () => {
    const result = await runCli(['users', 'info', GARMIN_USER, '--show-headers', ...sandboxArgs(sandbox)]);
    expect(result.code).toBe(0);
    expectNoSecret(result);
    expect(result.stderr).not.toContain(FAKE.devId);
    expect(result.stderr).toContain(`> GET ${sandbox.baseUrl}/userInfo?user_id=${GARMIN_USER}`);
    expect(result.stderr).toContain('> x-api-key: [redacted]');
    expect(result.stderr).toContain('> dev-id: [redacted]');
    expect(result.stderr).toMatch(/< HTTP 200/);
    // The trace goes to stderr; stdout still carries only the answer.
    expect(result.stdout).not.toContain('x-api-key');
  });

  it('are masked even when a server echoes them back', async () => {
    // The sandbox's 404 names the user id it could not find; here that id is the API key.
    const result = await runCli(['users', 'info', FAKE.apiKey, ...sandboxArgs(sandbox)]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('[redacted]');
    expectNoSecret(result);
  });

  it('are read from a .env file in the working directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'terra-cli-dotenv-'));
    writeFileSync(
      join(dir, '.env'),
      `TERRA_API_KEY=${FAKE.apiKey}\nTERRA_DEV_ID=${FAKE.devId}\nTERRA_BASE_URL=${sandbox.baseUrl}\n`,
    );
    const result = await runCli(['users', 'info', GARMIN_USER, '--json'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).user.user_id).toBe(GARMIN_USER);
    expectNoSecret(result);
  });
});
