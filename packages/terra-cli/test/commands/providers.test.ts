import type { Sandbox } from 'terra-sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { sandboxArgs, startTestSandbox } from '../support/sandbox.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());

describe('terra providers', { timeout: 120_000 }, () => {
  it('prints a table with a header and one provider per line', async () => {
    const result = await runCli(['providers', ...sandboxArgs(sandbox)]);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^provider\s+sdk$/);
    expect(lines).toContainEqual(expect.stringMatching(/^GARMIN\s+false$/));
    expect(result.stderr).toBe('');
  });

  it('prints a JSON array of records with --json', async () => {
    const result = await runCli(['providers', '--json', ...sandboxArgs(sandbox)]);
    expect(result.code).toBe(0);
    const records = JSON.parse(result.stdout) as Array<{ provider: string; sdk: boolean }>;
    expect(records).toContainEqual({ provider: 'GARMIN', sdk: false });
  });

  it('prints one JSON object per line with --ndjson', async () => {
    const result = await runCli(['providers', '--ndjson', ...sandboxArgs(sandbox)]);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(JSON.parse(line)).toHaveProperty('provider');
  });

  it('prints CSV with a header line with --csv', async () => {
    const result = await runCli(['providers', '--csv', ...sandboxArgs(sandbox)]);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('provider,sdk');
    expect(lines).toContain('GARMIN,false');
  });

  it('shows names, enabled state and data types with --detailed, and selects columns with --fields', async () => {
    const result = await runCli([
      'providers',
      '--detailed',
      '--csv',
      '--fields',
      'provider,types.sleep',
      ...sandboxArgs(sandbox),
    ]);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('provider,types.sleep');
    expect(lines).toContainEqual(expect.stringMatching(/^GARMIN,(true|false)$/));
  });

  it('keeps Terra field names and nesting in --json --fields output', async () => {
    const result = await runCli([
      'providers',
      '--detailed',
      '--json',
      '--fields',
      'provider,types.sleep',
      ...sandboxArgs(sandbox),
    ]);
    const records = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
    expect(Object.keys(records[0] ?? {})).toEqual(['provider', 'types']);
    expect(records[0]?.types).toEqual({ sleep: expect.any(Boolean) });
  });

  it('rejects two output formats at once with exit code 1', async () => {
    const result = await runCli(['providers', '--json', '--csv', ...sandboxArgs(sandbox)]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: --json and --csv cannot be combined/);
  });

  it('runs against an in-process sandbox with --sandbox and no credentials', async () => {
    const result = await runCli(['providers', '--sandbox', '--ndjson']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('"provider":"GARMIN"');
  });
});
