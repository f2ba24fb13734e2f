import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dist } from '../../packages/terra-ts/test/runtimes/support/paths.js';
import { findRuntime } from '../../packages/terra-ts/test/runtimes/support/runtime-binaries.js';
import { repoRoot } from './support/example-process.js';
import {
  deliverTo,
  type ExampleSandbox,
  expectedLines,
  startExampleSandbox,
} from './support/example-sandbox.js';
import { type RunningWorker, startWorker } from './support/workerd-service.js';

const workerd = findRuntime('workerd');

describe('the Cloudflare Worker example, in workerd', () => {
  let example: ExampleSandbox;
  let worker: RunningWorker;
  let dir: string;

  beforeAll(async () => {
    if (!workerd.ok) throw new Error(`workerd cannot run here: ${workerd.why}`);
    dir = mkdtempSync(join(tmpdir(), 'terra-examples-workerd-'));
    // Bundled as wrangler would, 'terra-ts' resolved to the built package; no Node compatibility shims.
    await build({
      entryPoints: [join(repoRoot, 'examples/cloudflare-worker/worker.ts')],
      outfile: join(dir, 'worker.js'),
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      target: 'es2022',
      alias: { 'terra-ts': dist.esm },
      logLevel: 'silent',
    });
    example = await startExampleSandbox();
    worker = await startWorker(workerd.path, dir, { TERRA_WEBHOOK_SECRET: example.sandbox.secret });
  }, 90_000);

  afterAll(async () => {
    await worker?.stop();
    await example?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('acknowledges the sandbox’s signed deliveries, runs its handlers and refuses a forged one', async () => {
    const url = `${worker.url}/webhooks/terra`;
    const outcome = await deliverTo(example, url);
    expect(outcome.deliveries).toEqual(
      expect.arrayContaining([
        { type: 'auth', status: 'delivered', answered: 200 },
        { type: 'sleep', status: 'delivered', answered: 200 },
      ]),
    );
    expect(outcome.forgedStatus).toBe(401);
    for (const line of expectedLines(example.userId, outcome.nights)) {
      await worker.waitForLog(line);
    }
  });

  it('answers 404 off its route', async () => {
    const response = await fetch(`${worker.url}/elsewhere`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(404);
  });
});
