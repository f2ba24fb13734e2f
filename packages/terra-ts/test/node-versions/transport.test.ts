import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, dist } from '../runtimes/support/paths.js';
import { runProcess } from '../runtimes/support/run-process.js';
import { binaryFor, installedNodeVersions, majorOf } from './node-versions.mjs';
import { assertInstalled } from './support/matrix.js';
import { type ProbeServer, startProbeServer } from './support/probe-server.js';

const probeScript = new URL('./fixtures/transport-probe.mjs', import.meta.url).pathname;

interface CaseFacts {
  providers: string[];
  sessionId: string;
}
interface ProbeFacts {
  node: string;
  hasGetBuiltinModule: boolean;
  untouched: CaseFacts;
  passedFetch: CaseFacts;
  replacedGlobal: CaseFacts & { wrapperCalls: number };
  restored: CaseFacts;
}

// Node 20.16+ and 22.3+ have process.getBuiltinModule, which terra-ts's node:http transport needs; Node 18
// has none, so every call there goes through Node's fetch.
const hasNodeTransport = (version: string) => majorOf(version) >= 20;

describe.each(installedNodeVersions)(
  'the built terra-ts on Node %s: which transport sends each call',
  (version) => {
    let server: ProbeServer;
    let facts: ProbeFacts;

    beforeAll(async () => {
      assertBuilt();
      const binary = binaryFor(version);
      assertInstalled({ version, major: majorOf(version), path: binary.path });
      server = await startProbeServer();
      const result = await runProcess(binary.path, [
        probeScript,
        pathToFileURL(dist.esm).href,
        server.origin,
      ]);
      if (result.code !== 0) throw new Error(`the probe failed on Node ${version}:\n${result.stderr}`);
      facts = JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '') as ProbeFacts;
    });

    afterAll(async () => {
      await server?.close();
    });

    const sent = (prefix: string) => server.requests.filter((request) => request.prefix === prefix);

    it('runs on that very Node', () => {
      expect(facts.node).toBe(binaryFor(version).version);
      expect(facts.hasGetBuiltinModule).toBe(hasNodeTransport(version));
    });

    it('answers every case over real HTTP, with the credentials and the snake_case body', () => {
      for (const prefix of ['untouched', 'passed-fetch', 'replaced-global', 'restored'] as const) {
        const requests = sent(prefix);
        expect(requests.map(({ method, path }) => `${method} ${path}`)).toEqual([
          'GET /v2/integrations',
          'POST /v2/auth/generateWidgetSession',
        ]);
        expect(requests.every((request) => request.apiKey === 'matrix-api-key')).toBe(true);
        expect(JSON.parse(requests[1]?.body ?? '{}')).toMatchObject({ reference_id: `ref-${prefix}` });
      }
      const key = {
        untouched: 'untouched',
        passedFetch: 'passed-fetch',
        replacedGlobal: 'replaced-global',
        restored: 'restored',
      } as const;
      for (const [name, prefix] of Object.entries(key)) {
        expect(facts[name as keyof typeof key]).toMatchObject({
          providers: ['GARMIN', 'OURA'],
          sessionId: `session-${prefix}`,
        });
      }
    });

    it(
      hasNodeTransport(version)
        ? "recognises Node's own untouched fetch and sends through node:http"
        : 'has no process.getBuiltinModule, so sends through Node’s fetch',
      () => {
        const expectedViaFetch = !hasNodeTransport(version);
        expect(sent('untouched').map((request) => request.viaFetch)).toEqual([
          expectedViaFetch,
          expectedViaFetch,
        ]);
        expect(sent('restored').map((request) => request.viaFetch)).toEqual([
          expectedViaFetch,
          expectedViaFetch,
        ]);
      },
    );

    it('sends through a fetch passed in the options', () => {
      expect(sent('passed-fetch').map((request) => request.viaFetch)).toEqual([true, true]);
    });

    it('honours a replaced global fetch, call by call', () => {
      expect(sent('replaced-global').map((request) => request.viaFetch)).toEqual([true, true]);
      expect(facts.replacedGlobal.wrapperCalls).toBe(2);
    });
  },
);
