import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', testing: 'src/testing/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  target: 'es2022',
  platform: 'neutral',
  // Shared chunks, in both formats, so `terra-ts/testing` uses the very classes `terra-ts` exports:
  // without them each entry bundles its own copy and `instanceof TerraError` fails across the two.
  splitting: true,
  treeshake: true,
  minify: false,
});
