import type { Sandbox } from 'terra-sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { sandboxArgs, sandboxEnv, startTestSandbox } from '../support/sandbox.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
  // Past one page of /subscriptions (500 per page): the command must walk every page.
  for (let i = 0; i < 1_100; i += 1) sandbox.createUser({ provider: 'POLAR', reference_id: `bulk-${i}` });
});
afterAll(() => sandbox.close());

describe('terra users list', { timeout: 120_000 }, () => {
  it('streams every user of every page as NDJSON', async () => {
    const result = await runCli(['users', 'list', '--ndjson', ...sandboxArgs(sandbox)]);
    expect(result.code).toBe(0);
    const users = result.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { user_id: string });
    expect(users).toHaveLength(sandbox.users().length);
    expect(new Set(users.map((user) => user.user_id)).size).toBe(users.length);
  });

  it('prints the wire users unchanged with --json', async () => {
    const result = await runCli(['users', 'list', '--json', ...sandboxArgs(sandbox)]);
    const users = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
    const garmin = users.find((user) => user.reference_id === 'demo-garmin');
    expect(garmin).toEqual(sandbox.users().find((user) => user.reference_id === 'demo-garmin'));
  });

  it('prints a table with the user columns, reading credentials from the environment', async () => {
    const result = await runCli(['users', 'list'], { env: sandboxEnv(sandbox) });
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(
      /^user_id\s+provider\s+reference_id\s+active\s+created_at\s+last_webhook_update$/,
    );
    expect(lines).toHaveLength(sandbox.users().length + 1);
  });

  it('selects columns in CSV with --fields', async () => {
    const result = await runCli([
      'users',
      'list',
      '--csv',
      '--fields',
      'reference_id,provider',
      ...sandboxArgs(sandbox),
    ]);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('reference_id,provider');
    expect(lines).toContain('demo-oura,OURA');
  });
});
