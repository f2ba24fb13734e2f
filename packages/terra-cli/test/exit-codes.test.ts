import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Sandbox } from 'terra-sandbox';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ExitCode } from '../src/exit-codes.js';
import { runCli } from './support/run-cli.js';
import { GARMIN_USER, sandboxArgs, startTestSandbox } from './support/sandbox.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterEach(() => sandbox.setFaults({}));
afterAll(() => sandbox.close());

const userInfo = () => ['users', 'info', GARMIN_USER, ...sandboxArgs(sandbox)];

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function expectOneErrorLine(stderr: string) {
  const lines = stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^error: .+ \(hint: .+\)$/);
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe('exit codes', { timeout: 120_000 }, () => {
  it('0 when the command succeeds', async () => {
    expect((await runCli(userInfo())).code).toBe(ExitCode.Ok);
  });

  it('1 for an unknown option, with a hint and no stack trace', async () => {
    const result = await runCli(['users', 'list', '--no-such-option']);
    expect(result.code).toBe(ExitCode.Usage);
    expectOneErrorLine(result.stderr);
  });

  it('2 when Terra rejects the credentials', async () => {
    const result = await runCli([
      'users',
      'info',
      GARMIN_USER,
      '--base-url',
      sandbox.baseUrl,
      '--api-key',
      'wrong-key',
      '--dev-id',
      sandbox.devId,
    ]);
    expect(result.code).toBe(ExitCode.Authentication);
    expectOneErrorLine(result.stderr);
  });

  it('2 when no credentials are given at all, naming every way to give them', async () => {
    const result = await runCli(['users', 'list'], { cwd: mkdtempSync(join(tmpdir(), 'terra-cli-empty-')) });
    expect(result.code).toBe(ExitCode.Authentication);
    expect(result.stderr).toContain('TERRA_API_KEY');
    expect(result.stderr).toContain('--sandbox');
  });

  it('3 when the user does not exist', async () => {
    const result = await runCli(['users', 'info', 'missing-user', ...sandboxArgs(sandbox)]);
    expect(result.code).toBe(ExitCode.NotFound);
    expectOneErrorLine(result.stderr);
  });

  it('4 when rate limited, with the wait in the hint', async () => {
    sandbox.setFaults({ r2: true });
    const result = await runCli(userInfo());
    expect(result.code).toBe(ExitCode.RateLimited);
    expectOneErrorLine(result.stderr);
    expect(result.stderr).toMatch(/retry in \d+ s/);
  });

  it('5 when the server keeps failing', async () => {
    sandbox.setFaults({ status: 503 });
    const result = await runCli(userInfo());
    expect(result.code).toBe(ExitCode.NetworkOrServer);
    expectOneErrorLine(result.stderr);
  });

  it('5 when the server answers with something that is not Terra JSON', async () => {
    sandbox.setFaults({ html: true });
    const result = await runCli(userInfo());
    expect(result.code).toBe(ExitCode.NetworkOrServer);
  });

  it('5 with a hint when the server is slower than --timeout', async () => {
    sandbox.setFaults({ latencyMs: 5_000 });
    const result = await runCli([...userInfo(), '--timeout', '0.3']);
    expect(result.code).toBe(ExitCode.NetworkOrServer);
    expectOneErrorLine(result.stderr);
    expect(result.stderr).toContain('raise --timeout');
  });

  it('5 when nothing listens at the base URL', async () => {
    const port = await closedPort();
    const result = await runCli([
      'users',
      'info',
      GARMIN_USER,
      '--base-url',
      `http://127.0.0.1:${port}/v2`,
      '--api-key',
      'k',
      '--dev-id',
      'd',
    ]);
    expect(result.code).toBe(ExitCode.NetworkOrServer);
    expectOneErrorLine(result.stderr);
  });

  it('prints the stack trace with --debug', async () => {
    const result = await runCli(['users', 'info', 'missing-user', '--debug', ...sandboxArgs(sandbox)]);
    expect(result.code).toBe(ExitCode.NotFound);
    expect(result.stderr).toMatch(/\n\s+at /);
  });
});
