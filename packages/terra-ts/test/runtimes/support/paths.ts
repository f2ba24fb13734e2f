import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const from = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

/** The workspace root (where node_modules/.bin holds bun, deno and workerd). */
export const repoRoot = from('../../../../../');

/** packages/terra-ts */
export const packageDir = from('../../../');

/** The runtime fixtures folder (scenario.mjs, run-scenario.mjs, worker.mjs). */
export const fixturesDir = from('../fixtures/');

/** packages/terra-ts/dist */
export const distDir = from('../../../dist/');

/** The built files the runtime and packaging tests exercise. */
export const dist = {
  esm: from('../../../dist/index.js'),
  cjs: from('../../../dist/index.cjs'),
  testingEsm: from('../../../dist/testing.js'),
  testingCjs: from('../../../dist/testing.cjs'),
};

/**
 * These tests run against the build on purpose (what users get), so a missing build is a clear failure,
 * never a silent skip.
 */
export function assertBuilt(): void {
  // The declarations come last in a tsup build: checking them too catches a build still running.
  const declarations = ['index.d.ts', 'index.d.cts', 'testing.d.ts', 'testing.d.cts'].map(
    (name) => distDir + name,
  );
  const missing = [...Object.values(dist), ...declarations].filter((file) => !existsSync(file));
  if (missing.length > 0) {
    throw new Error(
      `terra-ts is not built, or a build is still running (missing ${missing.join(', ')}). ` +
        'Run `npm run build -w terra-ts` first; `npm test` does it for you.',
    );
  }
}
