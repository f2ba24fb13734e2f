import { defineConfig } from 'tsup';

const entry = { index: 'src/index.ts', testing: 'src/testing/index.ts' };

export default defineConfig([
  {
    entry,
    format: ['esm', 'cjs'],
    dts: false,
    clean: true,
    target: 'es2022',
    platform: 'neutral',
    // Shared chunks, in both formats, so `terra-ts/testing` uses the very classes `terra-ts` exports:
    // without them each entry bundles its own copy and `instanceof TerraError` fails across the two.
    splitting: true,
    treeshake: true,
    // Whitespace and syntax minified, names kept: a stack trace from a user's report still reads
    // `at Terra.listProviders` / `at request`, and `error.name` stays what the classes set. Mangling
    // names as well would save a further ~33 KB per format; no source maps are shipped (each would weigh
    // more than the code it maps), and a bundler minifies our ESM again anyway.
    minifyWhitespace: true,
    minifySyntax: true,
  },
  // One declaration set, the CommonJS one: scripts/esm-declarations.mjs (run by `npm run build`) then
  // writes each `.d.ts` as a one-line re-export of its `.d.cts`.
  { entry, format: ['cjs'], dts: { only: true }, clean: false },
]);
