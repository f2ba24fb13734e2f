import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Sandbox } from 'terra-sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { FAKE, GARMIN_USER, startTestSandbox } from '../support/sandbox.js';

let sandbox: Sandbox;
let dir: string;
beforeAll(async () => {
  sandbox = await startTestSandbox();
  dir = mkdtempSync(join(tmpdir(), 'terra-cli-credentials-'));
  writeFileSync(join(dir, 'staging.env'), `TERRA_API_KEY=${FAKE.apiKey}\nTERRA_DEV_ID=${FAKE.devId}\n`);
  writeFileSync(join(dir, '.env'), 'TERRA_API_KEY=from-dot-env\nTERRA_DEV_ID=from-dot-env\n');
});
afterAll(() => sandbox.close());

const info = ['users', 'info', GARMIN_USER, '--json'];

describe('credentials on the command line', { timeout: 120_000 }, () => {
  it('come from the file named by --dotenv instead of ./.env', async () => {
    const result = await runCli([...info, '--dotenv', 'staging.env', '--base-url', sandbox.baseUrl], {
      cwd: dir,
    });
    expect(result.code).toBe(0);
  });

  it('come from ./.env when nothing else gives them (and those are wrong here)', async () => {
    const result = await runCli([...info, '--base-url', sandbox.baseUrl], { cwd: dir });
    expect(result.code).toBe(2);
  });

  it('prefer the environment over ./.env, and flags over both', async () => {
    const env = { TERRA_API_KEY: FAKE.apiKey, TERRA_DEV_ID: FAKE.devId, TERRA_BASE_URL: sandbox.baseUrl };
    expect((await runCli(info, { cwd: dir, env })).code).toBe(0);
    const overridden = await runCli([...info, '--api-key', 'flag-key-wrong'], { cwd: dir, env });
    expect(overridden.code).toBe(2);
  });

  // Not `--env-file`: Node 20 takes that flag for itself even after the script name, and exits 9 on a missing file.
  it('fail with exit code 1 when --dotenv names a missing file', async () => {
    const result = await runCli([...info, '--dotenv', 'missing.env'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('missing.env does not exist');
  });
});
