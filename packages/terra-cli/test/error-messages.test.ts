import type { Sandbox } from 'terra-sandbox';
import { TerraInvalidArgumentError } from 'terra-ts';
import { generateTestSignatureHeader } from 'terra-ts/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeError } from '../src/error-report.js';
import { runCli } from './support/run-cli.js';
import { FAKE, GARMIN_USER, sandboxArgs, startTestSandbox } from './support/sandbox.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());

/** The stderr of a failed run, which must be exactly one line. */
function oneLine(stderr: string): string {
  const lines = stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  return lines[0] ?? '';
}

describe('CLI errors name the CLI, in one line', { timeout: 120_000 }, () => {
  it('an impossible --from names --from and says what a date looks like, not the SDK option', async () => {
    const result = await runCli([
      'data',
      'sleep',
      '--user',
      GARMIN_USER,
      '--from',
      '2026-13-45',
      ...sandboxArgs(sandbox),
    ]);
    expect(result.code).toBe(1);
    const line = oneLine(result.stderr);
    expect(line).toContain('--from "2026-13-45" is not a calendar date');
    expect(line).toContain('hint: use YYYY-MM-DD');
    expect(line).not.toMatch(/startDate|pass a Date/);
  });

  it('an old signature names --tolerance, not toleranceSeconds', async () => {
    const payload = '{"type":"healthcheck"}';
    const header = await generateTestSignatureHeader({
      payload,
      secret: FAKE.secret,
      timestamp: Math.floor(Date.now() / 1000) - 3600,
    });
    const result = await runCli(['webhooks', 'verify', '--secret', FAKE.secret, '--header', header], {
      input: payload,
    });
    expect(result.code).toBe(6);
    const line = oneLine(result.stderr);
    expect(line).toMatch(/the signature is \d+ s old, beyond --tolerance \(300 s\)/);
    expect(line).toContain('raise --tolerance');
    expect(line).not.toContain('toleranceSeconds');
  });

  it('a 404 on users list points at --base-url, not at an id the command never took', async () => {
    const args = [
      'users',
      'list',
      '--base-url',
      sandbox.url,
      '--api-key',
      FAKE.apiKey,
      '--dev-id',
      FAKE.devId,
    ];
    const result = await runCli(args);
    expect(result.code).toBe(3);
    const line = oneLine(result.stderr);
    expect(line).toContain('check --base-url');
    expect(line).not.toContain('check the id');
  });

  it('a 404 on users info says to check the user id', async () => {
    const result = await runCli([
      'users',
      'info',
      '00000000-0000-4000-8000-00000000dead',
      ...sandboxArgs(sandbox),
    ]);
    expect(result.code).toBe(3);
    expect(oneLine(result.stderr)).toContain('check the user id');
  });

  it('an unknown command prints one line with the suggestion', async () => {
    const result = await runCli(['users', 'lst']);
    expect(result.code).toBe(1);
    expect(oneLine(result.stderr)).toBe("error: unknown command 'lst' (hint: did you mean list?)");
  });

  it('--debug adds the detail under the one line', async () => {
    const result = await runCli([
      'data',
      'sleep',
      '--user',
      GARMIN_USER,
      '--from',
      '2026-13-45',
      '--debug',
      ...sandboxArgs(sandbox),
    ]);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines[0]).toContain('--from "2026-13-45" is not a calendar date');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines[1]).toMatch(/UsageError/);
  });
});

describe('--fields paths that match nothing', { timeout: 120_000 }, () => {
  it('are refused with a did-you-mean, and nothing half-printed', async () => {
    const result = await runCli([
      'users',
      'list',
      '--json',
      '--fields',
      'user_id,provder',
      ...sandboxArgs(sandbox),
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    const line = oneLine(result.stderr);
    expect(line).toContain('--fields: "provder" matches no field in the records');
    expect(line).toContain('did you mean provider?');
    expect(line).toContain('--allow-missing-fields');
  });

  it('suggest the full path when only the last name was given', async () => {
    const args = [
      'data',
      'sleep',
      '--user',
      GARMIN_USER,
      '--from',
      '2024-01-01',
      '--to',
      '2024-01-03',
      '--ndjson',
    ];
    const result = await runCli([...args, '--fields', 'start_time', ...sandboxArgs(sandbox)]);
    expect(result.code).toBe(1);
    expect(oneLine(result.stderr)).toContain('did you mean metadata.start_time?');
  });

  it('print empty with --allow-missing-fields', async () => {
    const args = ['users', 'list', '--ndjson', '--fields', 'user_id,nope', '--allow-missing-fields'];
    const result = await runCli([...args, ...sandboxArgs(sandbox)]);
    expect(result.code).toBe(0);
    const first = JSON.parse(result.stdout.split('\n')[0] ?? '');
    expect(first).toEqual({ user_id: expect.any(String), nope: null });
  });
});

describe('SDK argument errors in CLI terms', () => {
  it('name the flag that sets the option, and drop advice meant for code', () => {
    const report = describeError(
      new TerraInvalidArgumentError(
        'startDate',
        `startDate is "x", which is not a real calendar date; pass a Date, a 'YYYY-MM-DD' string, or unix seconds (e.g. 1704067200)`,
      ),
      { path: 'data' },
    );
    expect(report.message).toBe(
      `--from is "x", which is not a real calendar date; pass a 'YYYY-MM-DD' string, or unix seconds (e.g. 1704067200)`,
    );
    const user = describeError(new TerraInvalidArgumentError('userId', 'userId must not be empty'), {
      path: 'data',
    });
    expect(user.message).toBe('--user must not be empty');
    const info = describeError(new TerraInvalidArgumentError('userId', 'userId must not be empty'), {
      path: 'users info',
    });
    expect(info.message).toBe('<user-id> must not be empty');
  });
});
