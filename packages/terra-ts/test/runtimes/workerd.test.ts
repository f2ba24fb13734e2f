import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeTerraApi, fakeCredentials, startFakeTerraApi } from './support/fake-terra-api.js';
import { assertBuilt } from './support/paths.js';
import { findRuntime } from './support/runtime-binaries.js';
import { type ScenarioResults, scenarioChecks } from './support/scenario-checks.js';
import { buildScenarioInput, type ScenarioInput } from './support/scenario-input.js';
import { signingSecret } from './support/webhook-signature.js';
import { bundleWorker, type RunningWorkerd, startWorkerd, writeWorkerdConfig } from './support/workerd.js';

const workerd = findRuntime('workerd');

if (!workerd.ok) {
  describe('terra-ts on workerd', () => {
    console.warn(`[runtimes] skipping workerd: ${workerd.why}`);
    it.skip(`cannot run here: ${workerd.why}`, () => {});
  });
} else {
  describe(`terra-ts on workerd ${workerd.version}`, () => {
    let api: FakeTerraApi;
    let server: RunningWorkerd | undefined;
    let workDir: string;
    let input: ScenarioInput;
    let results: ScenarioResults;

    beforeAll(async () => {
      assertBuilt();
      api = await startFakeTerraApi();
      workDir = mkdtempSync(join(tmpdir(), 'terra-ts-workerd-'));
      await bundleWorker(workDir);
      const config = writeWorkerdConfig(workDir, {
        API_KEY: fakeCredentials.apiKey,
        DEV_ID: fakeCredentials.devId,
        SECRET: signingSecret,
      });
      server = await startWorkerd(workerd.path, config);
      input = buildScenarioInput(api.baseUrl);
      const response = await fetch(`${server.url}/scenario`, { method: 'POST', body: JSON.stringify(input) });
      const text = await response.text();
      if (response.status !== 200) throw new Error(`the Worker answered ${response.status}: ${text}`);
      results = JSON.parse(text) as ScenarioResults;
    });

    afterAll(async () => {
      await server?.stop();
      await api?.close();
      if (workDir) rmSync(workDir, { recursive: true, force: true });
    });

    scenarioChecks(
      'workerd',
      () => results,
      () => api,
    );

    describe('the Fetch adapter deployed as the Worker itself, over real HTTP', () => {
      const post = (body: string, header?: string) =>
        fetch(`${server?.url}/webhooks`, {
          method: 'POST',
          headers: header ? { 'content-type': 'application/json', 'terra-signature': header } : {},
          body,
        });

      it('acknowledges a signed delivery with 200 and runs the sleep handler', async () => {
        expect((await post(input.sleep.body, input.sleep.header)).status).toBe(200);
        const received = await (await fetch(`${server?.url}/received`)).json();
        expect(received).toEqual(['sleep:1']);
      });

      it('answers 401 to a tampered body, 400 to a missing signature and 405 to GET', async () => {
        expect((await post(input.sleep.tamperedBody, input.sleep.header)).status).toBe(401);
        expect((await post(input.sleep.body)).status).toBe(400);
        expect((await fetch(`${server?.url}/webhooks`)).status).toBe(405);
      });
    });
  });
}
