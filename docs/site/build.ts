// `npm run docs`: the API reference of terra-ts (TypeDoc) and the guides (the workspace's READMEs) as one
// static site in docs/site/out/. Fails on any TypeDoc warning: an undocumented export, a broken {@link}, ...
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, stageGuides } from './guides.js';

const staged = stageGuides();
console.log(`guides: ${staged.map((guide) => guide.title).join(', ')}`);
const typedoc = join(repoRoot, 'node_modules', 'typedoc', 'bin', 'typedoc');
const result = spawnSync(process.execPath, [typedoc, '--options', join(repoRoot, 'docs/site/typedoc.json')], {
  cwd: repoRoot,
  stdio: 'inherit',
});
if (result.status === 0) dropDeadHierarchyLinks(join(repoRoot, 'docs/site/out'));
process.exit(result.status ?? 1);

/**
 * TypeDoc links a class's "Hierarchy (View Summary)" to hierarchy.html even when the class's base is a type alias
 * (the response classes built by `wireView`), which the summary page leaves out: the link would land on no anchor.
 * Keeps the heading and drops only such links.
 */
function dropDeadHierarchyLinks(out: string): void {
  const summary = readFileSync(join(out, 'hierarchy.html'), 'utf8');
  const anchors = new Set([...summary.matchAll(/id="([^"]+)"/g)].map((match) => match[1]));
  const dead = /Hierarchy \(<a href="\.\.\/hierarchy\.html#([^"]+)">View Summary<\/a>\)/g;
  for (const file of readdirSync(out, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.html')) continue;
    const path = join(out, file);
    const page = readFileSync(path, 'utf8');
    const fixed = page.replace(dead, (link, anchor: string) => (anchors.has(anchor) ? link : 'Hierarchy'));
    if (fixed !== page) writeFileSync(path, fixed);
  }
}
