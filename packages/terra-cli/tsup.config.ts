import { defineConfig } from 'tsup';

// The CLI is an ESM Node program; the SDK and the sandbox stay external so the CLI runs the very
// packages users install (and `instanceof` on terra-ts errors holds).
export default defineConfig({
  entry: { bin: 'src/bin.ts', index: 'src/index.ts' },
  tsconfig: 'tsconfig.build.json',
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  dts: { entry: 'src/index.ts' },
  clean: true,
  splitting: true,
  external: ['terra-ts', 'terra-ts/testing', 'terra-sandbox', 'terra-store'],
});
