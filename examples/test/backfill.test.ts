import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runProcess } from '../../packages/terra-ts/test/runtimes/support/run-process.js';
import { repoRoot } from './support/example-process.js';
import { type ExampleSandbox, startExampleSandbox } from './support/example-sandbox.js';
import { freePort } from './support/free-port.js';

interface Summary {
  user?: string;
  days?: number;
  records?: Record<string, number>;
  error?: string;
}

describe('the backfill script (examples/backfill/backfill.ts)', () => {
  let example: ExampleSandbox;
  let summary: Summary;
  let stdout: string;
  let port: number;

  beforeAll(async () => {
    example = await startExampleSandbox();
    port = await freePort();
    example.sandbox.setWebhookUrl(`http://127.0.0.1:${port}/`);
    const { sandbox, userId } = example;
    const result = await runProcess(
      process.execPath,
      [
        '--import',
        'tsx',
        'examples/backfill/backfill.ts',
        '--user',
        userId,
        '--days',
        '62',
        '--types',
        'activity,sleep',
      ],
      {
        cwd: repoRoot,
        env: {
          ...process.env,
          PORT: String(port),
          TERRA_API_KEY: sandbox.apiKey,
          TERRA_DEV_ID: sandbox.devId,
          TERRA_WEBHOOK_SECRET: sandbox.secret,
          TERRA_BASE_URL: sandbox.baseUrl,
        },
        killAfterMs: 110_000,
      },
    );
    stdout = result.stdout;
    const last = result.stdout.trim().split('\n').at(-1) ?? '';
    if (result.code !== 0 || !last.startsWith('{')) {
      throw new Error(`backfill exited ${result.code ?? result.signal}:\n${result.stdout}\n${result.stderr}`);
    }
    summary = JSON.parse(last) as Summary;
  }, 120_000);

  afterAll(async () => {
    await example?.close();
  });

  it('requests two months of activity and sleep to the webhook and exits once both large requests are complete', () => {
    expect(summary).toMatchObject({ user: example.userId, days: 62 });
    expect(stdout).toMatch(/^requested activity 62 days reference=\S+$/m);
    expect(stdout).toMatch(/^requested sleep 62 days reference=\S+$/m);
  });

  it('counted exactly the records of the signed chunks the sandbox delivered and it acknowledged', () => {
    const delivered = example.sandbox
      .deliveries()
      .filter(
        (delivery) =>
          delivery.url === `http://127.0.0.1:${port}/` && ['activity', 'sleep'].includes(delivery.type),
      );
    expect(delivered.length).toBeGreaterThanOrEqual(4); // two months or more of chunks per type
    expect(delivered.every((delivery) => delivery.status === 'delivered')).toBe(true);
    const sent: Record<string, number> = {};
    for (const delivery of delivered) {
      const { data } = JSON.parse(delivery.payload) as { data: unknown[] };
      sent[delivery.type] = (sent[delivery.type] ?? 0) + data.length;
    }
    expect(summary.records).toEqual(sent);
    expect(sent.sleep).toBeGreaterThan(0);
    expect(sent.activity).toBeGreaterThan(0);
  });
});
