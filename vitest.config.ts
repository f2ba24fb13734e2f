import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// Tests import the workspace packages from source, so `vitest run` needs no build.
// The packaging tests (under packages/terra-ts/test/packaging) use the built dist/ on purpose.
export default defineConfig({
  resolve: {
    alias: [
      { find: /^terra-ts$/, replacement: here('./packages/terra-ts/src/index.ts') },
      { find: /^terra-ts\/testing$/, replacement: here('./packages/terra-ts/src/testing/index.ts') },
      { find: /^terra-sandbox$/, replacement: here('./packages/terra-sandbox/src/index.ts') },
    ],
  },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'bench/test/**/*.test.ts', 'demo/**/*.test.ts'],
    // Fails any test during which a fake API key or webhook secret reaches an error, a log line or output.
    setupFiles: ['packages/terra-ts/test/robustness/support/secret-hygiene-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
