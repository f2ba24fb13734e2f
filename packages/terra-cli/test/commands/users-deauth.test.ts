import type { Sandbox } from 'terra-sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { sandboxArgs, startTestSandbox } from '../support/sandbox.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());

const exists = (userId: string) => sandbox.users().some((user) => user.user_id === userId);

describe('terra users deauth', { timeout: 120_000 }, () => {
  it('refuses without --yes when stdin is not a terminal, and leaves the user connected', async () => {
    const user = sandbox.createUser({ provider: 'WHOOP' });
    const result = await runCli(['users', 'deauth', user.user_id, ...sandboxArgs(sandbox)]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/without confirmation.*--yes/);
    expect(exists(user.user_id)).toBe(true);
  });

  it('deauthenticates with --yes', async () => {
    const user = sandbox.createUser({ provider: 'WHOOP' });
    const result = await runCli([
      'users',
      'deauth',
      user.user_id,
      '--yes',
      '--json',
      ...sandboxArgs(sandbox),
    ]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ user_id: user.user_id, status: 'success' });
    expect(exists(user.user_id)).toBe(false);
  });

  it('prints the DELETE request and sends nothing with --dry-run', async () => {
    const user = sandbox.createUser({ provider: 'WHOOP' });
    const result = await runCli(['users', 'deauth', user.user_id, '--dry-run', ...sandboxArgs(sandbox)]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      `DELETE ${sandbox.baseUrl}/auth/deauthenticateUser?user_id=${user.user_id}`,
    );
    expect(result.stdout).toContain('x-api-key: [redacted]');
    expect(exists(user.user_id)).toBe(true);
  });
});
