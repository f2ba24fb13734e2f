import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CliArgsError, parseCliArgs, USAGE } from '../../src/cli-args.js';
import { startVerifyingReceiver } from './support/verifying-receiver.js';

const BIN = fileURLToPath(new URL('../../src/bin.ts', import.meta.url));

describe('terra-sandbox live and clock flags', () => {
  it('reads --live, --chaos, --chaos-rates, --clock-start and --speed into options', () => {
    expect(parseCliArgs(['--live']).options.live).toBe(true);
    expect(parseCliArgs(['--live', '--chaos']).options.live).toEqual({ chaos: true });
    expect(parseCliArgs(['--live', '--chaos-rates', 'duplicates=0.2,bursts=0']).options.live).toEqual({
      chaos: { duplicates: 0.2, bursts: 0 },
    });
    const { options } = parseCliArgs(['--clock-start', '2026-03-04T06:00:00-05:00', '--speed', '60']);
    expect(options.clock).toEqual({ start: '2026-03-04T06:00:00-05:00', speed: 60 });
    expect(parseCliArgs(['--speed', '0']).options.clock).toEqual({ speed: 0 });
    expect(parseCliArgs([]).options).not.toHaveProperty('live');
    expect(USAGE).toMatch(/--live/);
  });

  it('refuses flags it cannot use, saying what they take', () => {
    expect(() => parseCliArgs(['--chaos'])).toThrow(/add --live/);
    expect(() => parseCliArgs(['--clock-start', 'monday'])).toThrow(/ISO 8601 date-time/);
    expect(() => parseCliArgs(['--speed', 'fast'])).toThrow(/--speed takes a number from 0/);
    expect(() => parseCliArgs(['--speed', '1000000'])).toThrow(CliArgsError);
    expect(() => parseCliArgs(['--live', '--chaos-rates', 'dupes=0.1'])).toThrow(
      /unknown chaos rate "dupes"/,
    );
    expect(() => parseCliArgs(['--live', '--chaos-rates', 'reorder=2'])).toThrow(/from 0 to 1/);
  });

  it('runs live from the command line: the banner says so and the clock route moves it', async () => {
    const receiver = await startVerifyingReceiver('cli-secret');
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        BIN,
        '--port',
        '0',
        '--secret',
        'cli-secret',
        '--webhook-url',
        receiver.url,
        '--live',
        '--chaos',
        '--clock-start',
        '2026-03-04T00:00:00Z',
        '--speed',
        '0',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      let output = '';
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout?.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const found = /listening on (http:\/\/\S+)/.exec(output)?.[1];
          if (found && output.includes('users')) resolve(found);
        });
        child.stderr?.on('data', (chunk: Buffer) => {
          output += chunk.toString();
        });
        child.on('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)));
      });
      expect(output).toContain('clock         2026-03-04T00:00:00.000Z at 0x');
      expect(output).toContain('live mode     on, with delivery chaos');
      const headers = {
        'x-api-key': 'sandbox-api-key',
        'dev-id': 'sandbox-dev-id',
        'content-type': 'application/json',
      };
      const advanced = await fetch(`${url}/sandbox/api/clock/advance`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ ms: 86_400_000 }),
      });
      expect(advanced.status).toBe(200);
      const truth = await (await fetch(`${url}/sandbox/api/ground-truth`, { headers })).json();
      expect(truth.now).toBe(Date.parse('2026-03-05T00:00:00Z'));
      expect(truth.records.some((r: { type: string }) => r.type === 'daily')).toBe(true);
      expect(truth.deliveries.sent).toBeGreaterThan(0);
      expect(Object.keys(truth.records[0])).toEqual([
        'type',
        'user_id',
        'key',
        'ordering_timestamp',
        'trace_id',
        'acknowledged',
        'record',
      ]);
    } finally {
      const exited = new Promise((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      await receiver.close();
    }
  });
});
