import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addRunnableConsumers } from '../packaging/support/consumer-project.js';
import { installIntoNewProject, packTerraTs } from '../packaging/support/npm.js';
import { type FakeTerraApi, startFakeTerraApi } from '../runtimes/support/fake-terra-api.js';
import { assertBuilt } from '../runtimes/support/paths.js';
import { sleepPayload } from '../runtimes/support/payloads.js';
import { runProcess } from '../runtimes/support/run-process.js';
import { buildScenarioInput } from '../runtimes/support/scenario-input.js';
import { assertInstalled, otherNodes } from './support/matrix.js';

// The packed tarball, installed into a fresh project, loaded by package name through `exports` on every
// other Node of the matrix: `import` must pick the ESM build and `require` the CommonJS one.
describe('the packed terra-ts installed into a fresh project, on every Node of the matrix', () => {
  let workDir: string;
  let projectDir: string;
  let api: FakeTerraApi;

  beforeAll(async () => {
    assertBuilt();
    workDir = mkdtempSync(join(tmpdir(), 'terra-ts-node-matrix-pack-'));
    projectDir = join(workDir, 'consumer');
    const tarball = await packTerraTs(workDir);
    mkdirSync(projectDir);
    await installIntoNewProject(projectDir, tarball);
    addRunnableConsumers(projectDir);
    api = await startFakeTerraApi();
  }, 180_000);

  afterAll(async () => {
    await api?.close();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  async function runConsumer(node: string, file: string): Promise<Record<string, unknown>> {
    const { apiKey, devId, secret, unknownUserId, baseUrl } = buildScenarioInput(api.baseUrl);
    const input = { apiKey, devId, secret, unknownUserId, baseUrl, sleepBody: JSON.stringify(sleepPayload) };
    const arg = Buffer.from(JSON.stringify(input)).toString('base64');
    const result = await runProcess(node, [file, arg], { cwd: projectDir });
    if (result.code !== 0) throw new Error(`${file} failed on ${node} (${result.code}):\n${result.stderr}`);
    return JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '') as Record<string, unknown>;
  }

  const expectedFacts = {
    providers: ['GARMIN', 'FITBIT', 'OURA'],
    notFound: 'NotFoundError',
    webhookType: 'sleep',
    eventIsDataReturned: true,
    testingError: 'TerraInvalidArgumentError',
  };

  describe.each(otherNodes)('Node $version', (node) => {
    it("import { Terra } from 'terra-ts' loads dist/index.js and works over real HTTP", async () => {
      assertInstalled(node);
      const facts = await runConsumer(node.path, 'esm-consumer.mjs');
      expect(facts).toMatchObject(expectedFacts);
      expect(facts.resolved).toMatch(/\/node_modules\/terra-ts\/dist\/index\.js$/);
    });

    it("require('terra-ts') loads dist/index.cjs and works over real HTTP", async () => {
      assertInstalled(node);
      const facts = await runConsumer(node.path, 'cjs-consumer.cjs');
      expect(facts).toMatchObject(expectedFacts);
      expect(facts.resolved).toMatch(/\/node_modules\/terra-ts\/dist\/index\.cjs$/);
    });
  });
});
