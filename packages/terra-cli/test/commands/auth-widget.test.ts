import type { Sandbox } from 'terra-sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { sandboxArgs, startTestSandbox } from '../support/sandbox.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());

describe('terra auth widget', { timeout: 120_000 }, () => {
  it('prints the widget URL and session id', async () => {
    const result = await runCli(['auth', 'widget', 'garmin', 'oura', ...sandboxArgs(sandbox)]);
    expect(result.code).toBe(0);
    const url = result.stdout.match(/^url\s+(\S+)$/m)?.[1];
    expect(url?.startsWith(`${sandbox.url}/widget/`)).toBe(true);
    const page = await fetch(url as string);
    expect(page.status).toBe(200);
  });

  it('sends the providers as one comma-separated list', async () => {
    const result = await runCli(['auth', 'widget', 'garmin', 'oura', '--dry-run', ...sandboxArgs(sandbox)]);
    expect(result.stdout).toContain(`POST ${sandbox.baseUrl}/auth/generateWidgetSession`);
    expect(result.stdout).toContain('"providers":"GARMIN,OURA"');
  });

  it('prints the session as one NDJSON line', async () => {
    const result = await runCli(['auth', 'widget', '--ndjson', ...sandboxArgs(sandbox)]);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] as string)).toHaveProperty('session_id');
  });
});
