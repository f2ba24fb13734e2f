import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Sandbox } from 'terra-sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { GARMIN_USER, sandboxArgs, startTestSandbox } from '../support/sandbox.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());

const sleep = (...extra: string[]) => [
  'data',
  'sleep',
  '--user',
  GARMIN_USER,
  ...extra,
  ...sandboxArgs(sandbox),
];

describe('terra data', { timeout: 120_000 }, () => {
  it('prints a table of records with short labels, wall-clock times and durations', async () => {
    const result = await runCli(sleep('--from', '2024-01-01', '--to', '2024-01-04'));
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^start\s+end\s+asleep\s+deep\s+efficiency/);
    expect(lines.length).toBeGreaterThan(1);
    // Wall-clock times and durations for people; --csv and --json keep Terra's raw values.
    expect(lines[1]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d {2}\d{4}-\d\d-\d\d \d\d:\d\d {2}\d+h \d\dm/);
  });

  it('streams the wire records as NDJSON, fetching a long range in chunks without a progress bar in a pipe', async () => {
    const result = await runCli(
      sleep('--from', '2024-01-01', '--to', '2024-03-01', '--chunk-days', '10', '--ndjson'),
    );
    expect(result.code).toBe(0);
    const records = result.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { metadata: { start_time: string } });
    const days = new Set(records.map((record) => record.metadata.start_time.slice(0, 10)));
    expect(days.has('2024-01-01')).toBe(true);
    expect(days.has('2024-02-29')).toBe(true);
    expect(days.has('2024-03-01')).toBe(false);
    // In order, chunk after chunk.
    const starts = records.map((record) => record.metadata.start_time);
    expect([...starts].sort()).toEqual(starts);
    expect(result.stderr).toBe('');
  });

  it('prints one JSON array with --json and CSV with paths as headers with --csv', async () => {
    const json = await runCli(sleep('--from', '2024-01-01', '--to', '2024-01-03', '--json'));
    const records = JSON.parse(json.stdout) as unknown[];
    expect(records.length).toBeGreaterThan(0);
    const csv = await runCli(sleep('--from', '2024-01-01', '--to', '2024-01-03', '--csv'));
    const lines = csv.stdout.trimEnd().split('\n');
    expect(lines[0]?.startsWith('metadata.start_time,metadata.end_time,')).toBe(true);
    expect(lines).toHaveLength(records.length + 1);
  });

  it('selects fields with --fields', async () => {
    const result = await runCli(
      sleep('--from', '2024-01-01', '--to', '2024-01-03', '--ndjson', '--fields', 'metadata.summary_id'),
    );
    for (const line of result.stdout.trimEnd().split('\n')) {
      expect(Object.keys(JSON.parse(line).metadata)).toEqual(['summary_id']);
    }
  });

  it('prints every chunk request with --dry-run and sends none', async () => {
    const requests: string[] = [];
    const server: Server = createServer((request, response) => {
      requests.push(request.url ?? '');
      response.end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2`;
    const result = await runCli([
      'data',
      'daily',
      '--user',
      GARMIN_USER,
      '--from',
      '2024-01-01',
      '--to',
      '2024-03-31',
      '--dry-run',
      '--base-url',
      base,
      '--api-key',
      'k-123456',
      '--dev-id',
      'd',
    ]);
    server.close();
    expect(result.code).toBe(0);
    expect(requests).toEqual([]);
    const lines = result.stdout.split('\n').filter((line) => line.startsWith('GET '));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain(`${base}/daily?user_id=${GARMIN_USER}&start_date=2024-01-01`);
    expect(lines[2]).toContain('end_date=2024-03-31');
    expect(result.stdout).not.toContain('k-123456');
  });

  it('prints the acknowledgements with --webhook', async () => {
    const receiver = await startTestSandbox({ webhookUrl: 'http://127.0.0.1:9/unused' });
    try {
      const result = await runCli([
        'data',
        'sleep',
        '--user',
        GARMIN_USER,
        '--from',
        '2024-01-01',
        '--to',
        '2024-01-05',
        '--webhook',
        '--json',
        ...sandboxArgs(receiver),
      ]);
      expect(result.code).toBe(0);
      const acks = JSON.parse(result.stdout) as Array<{ status: string; reference: string; type: string }>;
      expect(acks).toHaveLength(1);
      expect(acks[0]).toMatchObject({ status: 'success', type: 'sleep' });
      expect(acks[0]?.reference).toEqual(expect.any(String));
    } finally {
      await receiver.close();
    }
  });

  it('shows the athlete profile', async () => {
    const result = await runCli([
      'data',
      'athlete',
      '--user',
      GARMIN_USER,
      '--json',
      ...sandboxArgs(sandbox),
    ]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toHaveProperty('athlete');
  });

  it('refuses unknown types, missing --from, bad dates and reversed ranges with exit code 1', async () => {
    const unknown = await runCli([
      'data',
      'steps',
      '--user',
      GARMIN_USER,
      '--from',
      'today',
      ...sandboxArgs(sandbox),
    ]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/unknown data type "steps".*activity, body/);
    const noFrom = await runCli(['data', 'sleep', '--user', GARMIN_USER, ...sandboxArgs(sandbox)]);
    expect(noFrom.code).toBe(1);
    expect(noFrom.stderr).toContain('needs --from');
    const badDate = await runCli(sleep('--from', '2024-13-45'));
    expect(badDate.code).toBe(1);
    const reversed = await runCli(sleep('--from', '2024-02-01', '--to', '2024-01-01'));
    expect(reversed.code).toBe(1);
    expect(reversed.stderr).toContain('--to (2024-01-01) is before --from (2024-02-01)');
  });

  it('refuses --chart with a machine format', async () => {
    const result = await runCli(sleep('--from', '2024-01-01', '--chart', '--json'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--chart draws on the terminal');
  });

  it('exits 3 for an unknown user, with nothing on stdout', async () => {
    const result = await runCli([
      'data',
      'sleep',
      '--user',
      'no-such-user',
      '--from',
      '2024-01-01',
      '--json',
      ...sandboxArgs(sandbox),
    ]);
    expect(result.code).toBe(3);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^error: .*user/);
  });
});
