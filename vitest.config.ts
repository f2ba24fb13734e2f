import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const STORE_TESTS = 'packages/terra-store/test/**/*.test.ts';

// Tests import the workspace packages from source, so `vitest run` needs no build.
// The packaging tests (under packages/terra-ts/test/packaging) use the built dist/ on purpose.
export default defineConfig({
  resolve: {
    alias: [
      { find: /^terra-ts$/, replacement: here('./packages/terra-ts/src/index.ts') },
      { find: /^terra-ts\/testing$/, replacement: here('./packages/terra-ts/src/testing/index.ts') },
      { find: /^terra-sandbox$/, replacement: here('./packages/terra-sandbox/src/index.ts') },
      { find: /^terra-store$/, replacement: here('./packages/terra-store/src/index.ts') },
    ],
  },
  test: {
    // Fails any test during which a fake API key or webhook secret reaches an error, a log line or output.
    setupFiles: ['packages/terra-ts/test/robustness/support/secret-hygiene-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // terra-store's tests run on a throwaway PostgreSQL server their own globalSetup starts; only they pay for it.
    projects: [
      // Each project names its own include: with `extends: true`, an include set at the root would be merged
      // into the store project's and run every test twice.
      {
        extends: true,
        test: {
          name: 'workspace',
          include: [
            'packages/*/test/**/*.test.ts',
            'bench/test/**/*.test.ts',
            'demo/**/*.test.ts',
            'examples/test/**/*.test.ts',
            'docs/site/test/**/*.test.ts',
          ],
          exclude: [...configDefaults.exclude, STORE_TESTS],
        },
      },
      {
        extends: true,
        test: {
          name: 'store',
          include: [STORE_TESTS],
          globalSetup: ['packages/terra-store/test/support/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
