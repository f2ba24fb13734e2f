import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

/** Copies the runnable consumers (ESM, CommonJS) into the consumer project. */
export function addRunnableConsumers(projectDir: string): void {
  for (const name of ['consume.mjs', 'esm-consumer.mjs', 'cjs-consumer.cjs']) {
    copyFileSync(fixture(name), join(projectDir, name));
  }
}

/** A TypeScript setup a consumer might use, checked with `tsc -p <file>`. */
export interface TypeScriptSetup {
  name: string;
  tsconfig: string;
}

/**
 * Writes fixtures/consumer.ts as consumer.mts + consumer.cts (node16: ESM and CommonJS importers) and
 * consumer.ts (bundler), with one tsconfig per resolution mode. `skipLibCheck: false` so the shipped
 * declaration files themselves are type-checked, and `types: []` so they cannot lean on @types/node.
 */
export function addTypeScriptConsumers(projectDir: string): TypeScriptSetup[] {
  for (const extension of ['mts', 'cts', 'ts']) {
    copyFileSync(fixture('consumer.ts'), join(projectDir, `consumer.${extension}`));
  }
  const common = {
    strict: true,
    noEmit: true,
    skipLibCheck: false,
    // TypeScript's own lib files need no checking; skipping them halves the time.
    skipDefaultLibCheck: true,
    types: [],
    target: 'ES2022',
    lib: ['ES2022', 'DOM'],
  };
  const setups = [
    { name: 'node16', module: 'node16', moduleResolution: 'node16', files: ['consumer.mts', 'consumer.cts'] },
    { name: 'bundler', module: 'esnext', moduleResolution: 'bundler', files: ['consumer.ts'] },
  ];
  return setups.map(({ name, module, moduleResolution, files }) => {
    const tsconfig = join(projectDir, `tsconfig.${name}.json`);
    writeFileSync(
      tsconfig,
      JSON.stringify({ compilerOptions: { ...common, module, moduleResolution }, files }),
    );
    return { name, tsconfig };
  });
}
