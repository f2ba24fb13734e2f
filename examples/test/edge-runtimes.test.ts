import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dist } from '../../packages/terra-ts/test/runtimes/support/paths.js';
import { findRuntime } from '../../packages/terra-ts/test/runtimes/support/runtime-binaries.js';
import { type RunningExample, startExample } from './support/example-process.js';
import {
  deliverTo,
  type ExampleSandbox,
  expectedLines,
  startExampleSandbox,
} from './support/example-sandbox.js';

const bun = findRuntime('bun');
const deno = findRuntime('deno');

/** Deno gets 'terra-ts' from an import map pointing at the built package (users map it to npm:terra-ts). */
function denoImportMap(dir: string): string {
  const file = join(dir, 'import-map.json');
  writeFileSync(file, JSON.stringify({ imports: { 'terra-ts': pathToFileURL(dist.esm).href } }));
  return file;
}

const runtimes = [
  {
    name: 'Bun',
    binary: bun,
    args: (_dir: string) => ['examples/bun/server.ts'],
  },
  {
    name: 'Deno',
    binary: deno,
    args: (dir: string) => [
      'run',
      '--quiet',
      '--no-prompt',
      '--no-config',
      '--no-lock',
      `--import-map=${denoImportMap(dir)}`,
      '--allow-net=127.0.0.1',
      '--allow-env=PORT,TERRA_WEBHOOK_SECRET',
      '--allow-read',
      'examples/deno/server.ts',
    ],
  },
];

describe.each(runtimes)('the $name example', ({ name, binary, args }) => {
  let example: ExampleSandbox;
  let running: RunningExample;
  let dir: string;

  beforeAll(async () => {
    if (!binary.ok) throw new Error(`${name} cannot run here: ${binary.why}`);
    dir = mkdtempSync(join(tmpdir(), 'terra-examples-'));
    example = await startExampleSandbox();
    running = await startExample(binary.path, args(dir), {
      PORT: '0',
      TERRA_WEBHOOK_SECRET: example.sandbox.secret,
      DENO_DIR: join(tmpdir(), 'terra-examples-deno'),
    });
  }, 90_000);

  afterAll(async () => {
    await running?.stop();
    await example?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('acknowledges the sandbox’s signed deliveries, runs its handlers and refuses a forged one', async () => {
    const outcome = await deliverTo(example, running.url);
    expect(outcome.deliveries).toEqual(
      expect.arrayContaining([
        { type: 'auth', status: 'delivered', answered: 200 },
        { type: 'sleep', status: 'delivered', answered: 200 },
      ]),
    );
    expect(outcome.forgedStatus).toBe(401);
    for (const line of expectedLines(example.userId, outcome.nights)) {
      await running.waitForLine((printed) => printed === line);
    }
  });
});
