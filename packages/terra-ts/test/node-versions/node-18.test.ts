import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeTerraApi, startFakeTerraApi } from '../runtimes/support/fake-terra-api.js';
import { assertBuilt, dist, fixturesDir, repoRoot } from '../runtimes/support/paths.js';
import { runProcess } from '../runtimes/support/run-process.js';
import { type ScenarioResults, scenarioChecks } from '../runtimes/support/scenario-checks.js';
import { buildScenarioInput, type ScenarioInput } from '../runtimes/support/scenario-input.js';
import { binaryFor, majorOf, unsupportedNodeVersions } from './node-versions.mjs';
import { assertInstalled } from './support/matrix.js';

/** Runs test/runtimes's scenario on the built dist with `node [...flags]`; returns its facts. */
async function scenarioOn(node: string, flags: string[], input: ScenarioInput): Promise<ScenarioResults> {
  const encoded = Buffer.from(JSON.stringify(input)).toString('base64');
  const script = join(fixturesDir, 'run-scenario.mjs');
  const result = await runProcess(node, [...flags, script, pathToFileURL(dist.esm).href, encoded], {
    cwd: repoRoot,
  });
  const lastLine = result.stdout.trim().split('\n').at(-1) ?? '';
  if (result.code !== 0 || !lastLine.startsWith('{')) {
    throw new Error(
      `node ${flags.join(' ')} exited with ${result.code}:\n${result.stdout}\n${result.stderr}`,
    );
  }
  return JSON.parse(lastLine) as ScenarioResults;
}

// Why terra-ts's `engines` starts at Node 20 (the README's "Node versions"), pinned on the real Node 18.
describe.each(unsupportedNodeVersions)('Node %s, outside engines', (version) => {
  const node = { version, major: majorOf(version), path: binaryFor(version).path };
  let api: FakeTerraApi;
  let plain: ScenarioResults;

  beforeAll(async () => {
    assertBuilt();
    assertInstalled(node);
    api = await startFakeTerraApi();
    plain = await scenarioOn(node.path, [], buildScenarioInput(api.baseUrl));
  });

  afterAll(async () => {
    await api?.close();
  });

  it('makes REST calls over real HTTP and maps errors (through its fetch)', () => {
    expect(plain.providers).toMatchObject({ kind: 'providers', providers: ['GARMIN', 'FITBIT', 'OURA'] });
    expect(plain.sleep).toMatchObject({ kind: 'data_returned', summaryIds: ['sleep-summary-1'] });
    expect(plain.notFound).toMatchObject({ name: 'NotFoundError', status: 404 });
    expect(plain.unauthorized).toMatchObject({ name: 'AuthenticationError', status: 401 });
  });

  it('cannot check a webhook signature without a flag, and says so: a TerraError naming Node 20 and the flag', () => {
    expect(plain.webhook).toEqual({
      threw: {
        name: 'TerraError',
        message: expect.stringMatching(
          /WebCrypto.*not available.*Node 20 or later.*--experimental-global-webcrypto/,
        ),
      },
    });
    expect(plain.leaksSecret).toBe(false);
  });

  describe('with --experimental-global-webcrypto, the whole scenario passes', () => {
    let flagged: ScenarioResults;
    beforeAll(async () => {
      flagged = await scenarioOn(
        node.path,
        ['--experimental-global-webcrypto'],
        buildScenarioInput(api.baseUrl),
      );
    });
    scenarioChecks(
      'node',
      () => flagged,
      () => api,
    );
  });
});
