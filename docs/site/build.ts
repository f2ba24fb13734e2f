// `npm run docs`: the API reference of terra-ts (TypeDoc) and the guides (the workspace's READMEs) as one
// static site in docs/site/out/. Fails on any TypeDoc warning: an undocumented export, a broken {@link}, ...
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot, stageGuides } from './guides.js';

const staged = stageGuides();
console.log(`guides: ${staged.map((guide) => guide.title).join(', ')}`);
const typedoc = join(repoRoot, 'node_modules', 'typedoc', 'bin', 'typedoc');
const result = spawnSync(process.execPath, [typedoc, '--options', join(repoRoot, 'docs/site/typedoc.json')], {
  cwd: repoRoot,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
