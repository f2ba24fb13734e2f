import { afterAll, beforeAll, describe, it } from 'vitest';
import { type FakeTerraApi, startFakeTerraApi } from './fake-terra-api.js';
import { assertBuilt } from './paths.js';
import { runScenarioOn } from './run-scenario.js';
import type { RuntimeBinary } from './runtime-binaries.js';
import { type ScenarioResults, scenarioChecks } from './scenario-checks.js';
import { buildScenarioInput } from './scenario-input.js';

/**
 * The suite for a command-line runtime: start the fake API, run the scenario once in a child process
 * of the runtime, then check each behaviour. A runtime whose binary cannot run here is skipped with the
 * reason in the test name (and on stderr), never silently.
 */
export function describeRuntime(
  runtime: 'node' | 'bun' | 'deno',
  label: string,
  binary: RuntimeBinary,
): void {
  if (!binary.ok) {
    describe(`terra-ts on ${label}`, () => {
      console.warn(`[runtimes] skipping ${label}: ${binary.why}`);
      it.skip(`cannot run here: ${binary.why}`, () => {});
    });
    return;
  }
  describe(`terra-ts on ${label} ${binary.version}`, () => {
    let api: FakeTerraApi;
    let results: ScenarioResults;
    beforeAll(async () => {
      assertBuilt();
      api = await startFakeTerraApi();
      results = await runScenarioOn(runtime, binary.path, buildScenarioInput(api.baseUrl));
    });
    afterAll(async () => {
      await api?.close();
    });
    scenarioChecks(
      runtime,
      () => results,
      () => api,
    );
  });
}
