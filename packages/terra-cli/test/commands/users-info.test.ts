import type { Sandbox } from 'terra-sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { GARMIN_USER, sandboxArgs, startTestSandbox } from '../support/sandbox.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());

describe('terra users info', { timeout: 120_000 }, () => {
  it('summarises one user by id on a terminal-style view', async () => {
    const result = await runCli(['users', 'info', GARMIN_USER, ...sandboxArgs(sandbox)]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^user id\\s+${GARMIN_USER}$`, 'm'));
    expect(result.stdout).toMatch(/^provider\s+GARMIN$/m);
    expect(result.stdout).toMatch(/^reference id\s+demo-garmin$/m);
  });

  it('prints the userInfo body unchanged with --json', async () => {
    const result = await runCli(['users', 'info', GARMIN_USER, '--json', ...sandboxArgs(sandbox)]);
    const json = JSON.parse(result.stdout) as { user: { user_id: string }; is_authenticated: boolean };
    expect(json.user.user_id).toBe(GARMIN_USER);
    expect(typeof json.is_authenticated).toBe('boolean');
  });

  it('lists the users with a reference id', async () => {
    const result = await runCli([
      'users',
      'info',
      '--reference-id',
      'demo-oura',
      '--ndjson',
      ...sandboxArgs(sandbox),
    ]);
    expect(result.code).toBe(0);
    const users = result.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { provider: string });
    expect(users.map((user) => user.provider)).toEqual(['OURA']);
  });

  it('exits 3 with a hint for an unknown user', async () => {
    const result = await runCli([
      'users',
      'info',
      '00000000-0000-4000-8000-000000000000',
      ...sandboxArgs(sandbox),
    ]);
    expect(result.code).toBe(3);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^error: .*\(hint: .*terra users list/);
  });

  it('exits 1 when given both an id and --reference-id', async () => {
    const result = await runCli([
      'users',
      'info',
      GARMIN_USER,
      '--reference-id',
      'x',
      ...sandboxArgs(sandbox),
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('give either a user id or --reference-id');
  });
});
