import type { Sandbox } from 'terra-sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { sandboxArgs, startTestSandbox } from '../support/sandbox.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());

describe('terra auth url', { timeout: 120_000 }, () => {
  it('prints a connect link for the provider', async () => {
    const result = await runCli(['auth', 'url', 'garmin', '--reference-id', 'me-1', ...sandboxArgs(sandbox)]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^auth url\\s+${sandbox.url}/`, 'm'));
    expect(result.stdout).toMatch(/^user id\s+\S+$/m);
  });

  it('prints the response body with --json', async () => {
    const result = await runCli(['auth', 'url', 'OURA', '--json', ...sandboxArgs(sandbox)]);
    const json = JSON.parse(result.stdout) as { auth_url: string; status: string };
    expect(json.status).toBe('success');
    expect(json.auth_url.startsWith(sandbox.url)).toBe(true);
  });

  it('sends the provider upper-cased in the resource query and the redirect fields in the body', async () => {
    const result = await runCli([
      'auth',
      'url',
      'polar',
      '--success-url',
      'https://example.test/ok',
      '--dry-run',
      ...sandboxArgs(sandbox),
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`POST ${sandbox.baseUrl}/auth/authenticateUser?resource=POLAR`);
    expect(result.stdout).toContain('"auth_success_redirect_url":"https://example.test/ok"');
  });
});
