import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm'],
  dts: { entry: { index: 'src/index.ts' } },
  clean: true,
  target: 'node20',
  platform: 'node',
  splitting: false,
  treeshake: true,
  minify: false,
  external: ['terra-ts', '@electric-sql/pglite', 'postgres'],
});
