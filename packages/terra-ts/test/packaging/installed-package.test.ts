import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeTerraApi, startFakeTerraApi } from '../runtimes/support/fake-terra-api.js';
import { assertBuilt } from '../runtimes/support/paths.js';
import { sleepPayload } from '../runtimes/support/payloads.js';
import { runProcess } from '../runtimes/support/run-process.js';
import { findRuntime } from '../runtimes/support/runtime-binaries.js';
import { buildScenarioInput } from '../runtimes/support/scenario-input.js';
import { addRunnableConsumers, addTypeScriptConsumers } from './support/consumer-project.js';
import { installIntoNewProject, packTerraTs } from './support/npm.js';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

// Packing, installing and type-checking take seconds, and far longer when the rest of the suite keeps
// both cores busy: generous limits so a loaded machine is not a failure (these are no timing assertions).
const slowStepMs = 150_000;

describe('the packed terra-ts installed into a fresh project', () => {
  let workDir: string;
  let projectDir: string;
  let api: FakeTerraApi;

  beforeAll(async () => {
    assertBuilt();
    workDir = mkdtempSync(join(tmpdir(), 'terra-ts-pack-'));
    projectDir = join(workDir, 'consumer');
    const tarball = await packTerraTs(workDir);
    mkdirSync(projectDir);
    await installIntoNewProject(projectDir, tarball);
    addRunnableConsumers(projectDir);
    api = await startFakeTerraApi();
  }, slowStepMs);

  afterAll(async () => {
    await api?.close();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  /** Runs a consumer file with Node (default) or `[binary, ...flags]` of another runtime. */
  async function runConsumer(
    file: string,
    runtime: string[] = [process.execPath],
  ): Promise<Record<string, unknown>> {
    const { apiKey, devId, secret, unknownUserId, baseUrl } = buildScenarioInput(api.baseUrl);
    const input = { apiKey, devId, secret, unknownUserId, baseUrl, sleepBody: JSON.stringify(sleepPayload) };
    const arg = Buffer.from(JSON.stringify(input)).toString('base64');
    const [command = process.execPath, ...flags] = runtime;
    const result = await runProcess(command, [...flags, file, arg], { cwd: projectDir });
    if (result.code !== 0) throw new Error(`${file} failed (${result.code}):\n${result.stderr}`);
    return JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '') as Record<string, unknown>;
  }

  const expectedFacts = {
    providers: ['GARMIN', 'FITBIT', 'OURA'],
    notFound: 'NotFoundError',
    webhookType: 'sleep',
    eventIsDataReturned: true,
    testingError: 'TerraInvalidArgumentError',
  };

  it("works through `import { Terra } from 'terra-ts'` (ESM) and loads the .js build", async () => {
    const facts = await runConsumer('esm-consumer.mjs');
    expect(facts).toMatchObject(expectedFacts);
    expect(facts.resolved).toMatch(/\/node_modules\/terra-ts\/dist\/index\.js$/);
    expect(facts.resolvedTesting).toMatch(/\/node_modules\/terra-ts\/dist\/testing\.js$/);
  });

  it("works through `require('terra-ts')` (CommonJS) and loads the .cjs build", async () => {
    const facts = await runConsumer('cjs-consumer.cjs');
    expect(facts).toMatchObject(expectedFacts);
    expect(facts.resolved).toMatch(/\/node_modules\/terra-ts\/dist\/index\.cjs$/);
    expect(facts.resolvedTesting).toMatch(/\/node_modules\/terra-ts\/dist\/testing\.cjs$/);
  });

  // Bun and Deno resolve the bare `terra-ts` through node_modules and the package.json `exports`, as
  // their users' projects do.
  const otherRuntimes = [
    { label: 'Bun', binary: findRuntime('bun'), flags: [] as string[] },
    {
      label: 'Deno',
      binary: findRuntime('deno'),
      flags: ['run', '--quiet', '--no-prompt', '--no-lock', '--allow-net=127.0.0.1', '--allow-read=.'],
    },
  ];
  for (const { label, binary, flags } of otherRuntimes) {
    it.skipIf(!binary.ok)(`loads by package name in ${label} and resolves the ESM build`, async () => {
      if (!binary.ok) return;
      const facts = await runConsumer('esm-consumer.mjs', [binary.path, ...flags]);
      expect(facts).toMatchObject(expectedFacts);
      expect(facts.resolved).toMatch(/\/node_modules\/terra-ts\/dist\/index\.js$/);
    });
  }

  it(
    'type-checks a TypeScript consumer with moduleResolution node16 and bundler',
    async () => {
      const setups = addTypeScriptConsumers(projectDir);
      const results = await Promise.all(
        setups.map(async ({ name, tsconfig }) => {
          const result = await runProcess(process.execPath, [tsc, '-p', tsconfig], {
            cwd: projectDir,
            killAfterMs: slowStepMs - 10_000,
          });
          return { name, code: result.code, output: result.stdout + result.stderr };
        }),
      );
      expect(results).toEqual(setups.map(({ name }) => ({ name, code: 0, output: '' })));
    },
    slowStepMs,
  );
});
