import type { Sandbox } from 'terra-sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EchoServer, startEchoServer } from '../support/echo-server.js';
import { runCli } from '../support/run-cli.js';
import { FAKE, GARMIN_USER, sandboxArgs, startTestSandbox } from '../support/sandbox.js';

let sandbox: Sandbox;
let server: EchoServer;
beforeAll(async () => {
  sandbox = await startTestSandbox();
  server = await startEchoServer('ref-', '');
});
afterAll(async () => {
  await sandbox.close();
  await server.close();
});

describe('tables for people', { timeout: 120_000 }, () => {
  it("users list shows created_at in the local wall clock of whoever runs it (TZ), CSV keeps Terra's instant", async () => {
    const args = [
      'users',
      'list',
      '--base-url',
      server.baseUrl,
      '--api-key',
      FAKE.apiKey,
      '--dev-id',
      FAKE.devId,
    ];
    // The server says 2024-01-02T03:04:05Z.
    const tokyo = await runCli(args, { env: { TZ: 'Asia/Tokyo' } });
    expect(tokyo.code).toBe(0);
    expect(tokyo.stdout).toMatch(/ 2024-01-02 12:04( |$)/m);
    const newYork = await runCli(args, { env: { TZ: 'America/New_York' } });
    expect(newYork.stdout).toMatch(/ 2024-01-01 22:04( |$)/m);
    const csv = await runCli([...args, '--csv'], { env: { TZ: 'Asia/Tokyo' } });
    expect(csv.stdout).toContain('2024-01-02T03:04:05Z');
  });

  it('the sleep table marks the nap apart from the nights', async () => {
    const args = ['data', 'sleep', '--user', GARMIN_USER, '--from', '2024-01-01', '--to', '2024-01-06'];
    const result = await runCli([...args, ...sandboxArgs(sandbox)]);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^start\s+end\s+asleep\s.*\skind$/);
    const rows = lines.slice(1);
    expect(rows.filter((row) => /\snap$/.test(row))).toEqual([
      expect.stringMatching(/^2024-01-04 13:21\s+2024-01-04 13:55\s.*\snap$/),
    ]);
    expect(rows.filter((row) => /\snight$/.test(row))).toHaveLength(rows.length - 1);
  });
});
