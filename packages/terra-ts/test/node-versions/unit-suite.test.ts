import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runProcess } from '../runtimes/support/run-process.js';
import { repoRoot } from './node-versions.mjs';
import { assertInstalled, otherNodes } from './support/matrix.js';

/**
 * terra-ts's unit, HTTP and transport tests (from source, as on the running Node), run by Vitest itself
 * under each other Node of the matrix that Vitest supports (^20.19 or >= 22.12). Node 18 cannot run
 * Vitest 4; it gets the built-dist scenario, transport and packaging checks of this folder instead.
 * Not here: robustness (fuzzing, load; long), runtimes and packaging (they drive other binaries and
 * npm, and run on each Node through this folder's other files), node-versions itself.
 */
const suiteFolders = [
  'client',
  'dates',
  'errors',
  'models',
  'resources',
  'responses',
  'testing',
  'user',
  'webhooks',
];

const vitestSupports = (version: string) => {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return (major === 20 && minor >= 19) || (major === 22 && minor >= 12) || major >= 23;
};

const testDir = join(repoRoot, 'packages', 'terra-ts', 'test');

/** Every test file of the chosen folders, relative to the root, as Vitest names them. */
function expectedFiles(): string[] {
  return suiteFolders
    .flatMap((folder) =>
      readdirSync(join(testDir, folder), { recursive: true, encoding: 'utf8' })
        .filter((file) => file.endsWith('.test.ts'))
        .map((file) => relative(repoRoot, join(testDir, folder, file))),
    )
    .sort();
}

interface JsonReport {
  numTotalTests: number;
  numPassedTests: number;
  numFailedTests: number;
  testResults: Array<{
    name: string;
    status: string;
    message: string;
    assertionResults: Array<{ fullName: string; status: string; failureMessages: string[] }>;
  }>;
}

/** What failed in a file: its own message (a crash) or each failed test with its first failure line. */
function failuresOf(file: JsonReport['testResults'][number]): string[] {
  const tests = file.assertionResults
    .filter((test) => test.status === 'failed')
    .map((test) => `${test.fullName}: ${test.failureMessages[0]?.split('\n')[0] ?? ''}`);
  return [`${relative(repoRoot, file.name)}: ${file.message}`.trim(), ...tests];
}

// The nested Vitest's own workers must not think they belong to this run.
const nestedEnv = (): NodeJS.ProcessEnv =>
  Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(VITEST|__VITEST)/.test(name)));

// About a minute per Node on an idle machine, several when the rest of the suite shares the cores.
const suiteMs = 900_000;

describe.each(otherNodes.filter((node) => vitestSupports(node.version)))(
  "terra-ts's unit, HTTP and transport tests under Node $version",
  (node) => {
    const outDir = mkdtempSync(join(tmpdir(), 'terra-ts-node-matrix-'));
    afterAll(() => rmSync(outDir, { recursive: true, force: true }));

    it(
      'all pass, and every test file of the chosen folders ran',
      async () => {
        assertInstalled(node);
        const report = join(outDir, 'report.json');
        const vitest = join(repoRoot, 'node_modules', 'vitest', 'vitest.mjs');
        const folders = suiteFolders.map((folder) => `packages/terra-ts/test/${folder}/`);
        const result = await runProcess(
          node.path,
          [
            vitest,
            'run',
            '--project',
            'workspace',
            ...folders,
            '--maxWorkers=1',
            '--reporter=json',
            `--outputFile=${report}`,
          ],
          { cwd: repoRoot, env: nestedEnv(), killAfterMs: suiteMs - 30_000 },
        );
        const parsed = JSON.parse(readFileSync(report, 'utf8')) as JsonReport;
        const failures = parsed.testResults.filter((file) => file.status !== 'passed').flatMap(failuresOf);
        expect({ code: result.code, failures }).toEqual({ code: 0, failures: [] });
        expect(parsed.numFailedTests).toBe(0);
        expect(parsed.numPassedTests).toBeGreaterThan(0);
        expect(parsed.testResults.map((file) => relative(repoRoot, file.name)).sort()).toEqual(
          expectedFiles(),
        );
      },
      suiteMs,
    );
  },
);
