// Run by `npm run build` after tsup. The ESM entry points' declarations re-export the CommonJS ones
// (`.d.cts`) instead of repeating them: one declaration set is shipped, not two copies of ~230 KB.
// An ES module may import a CommonJS one's named exports, so TypeScript sees the same classes from
// both `import` and `require`; the reverse (CommonJS declarations re-exporting ESM) is not allowed.
import { writeFileSync } from 'node:fs';

for (const entry of ['index', 'testing']) {
  const url = new URL(`../dist/${entry}.d.ts`, import.meta.url);
  writeFileSync(url, `export * from './${entry}.cjs';\n`);
}
