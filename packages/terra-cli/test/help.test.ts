import { describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.js';

describe('help', { timeout: 60_000 }, () => {
  it("lists the global options once, at the top level, and not in every subcommand's --help", async () => {
    const top = await runCli(['--help']);
    expect(top.code).toBe(0);
    expect(top.stdout).toContain('--api-key <key>');
    for (const args of [
      ['data', '--help'],
      ['users', 'list', '--help'],
      ['webhooks', 'verify', '--help'],
    ]) {
      const sub = await runCli(args);
      expect(sub.code).toBe(0);
      expect(sub.stdout).not.toContain('--api-key');
      expect(sub.stdout).not.toContain('--no-color');
      expect(sub.stdout).toContain('terra help globals');
    }
  });

  it("'terra help globals' lists every global option; 'terra help <command>' shows that command", async () => {
    const globals = await runCli(['help', 'globals']);
    expect(globals.code).toBe(0);
    for (const flag of [
      '--api-key',
      '--base-url',
      '--allow-insecure-http',
      '--fields',
      '--allow-missing-fields',
      '--dry-run',
    ]) {
      expect(globals.stdout).toContain(flag);
    }
    const data = await runCli(['help', 'data']);
    expect(data.stdout).toContain('Usage: terra data [options] <type>');
    const unknown = await runCli(['help', 'nope']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trimEnd().split('\n')).toEqual([
      "error: unknown command 'nope' (hint: run 'terra --help' for the commands)",
    ]);
  });
});
