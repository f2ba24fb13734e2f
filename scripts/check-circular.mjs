// Fails when a package's src/ has an import circle (type-only imports count: a layer that names the type of
// the one above it is tied to it all the same), so each layer only imports the ones below it.
// Usage: node scripts/check-circular.mjs [package/src ...] (default: every packages/*/src).
import { readdirSync } from 'node:fs';
import madge from 'madge';

// Type-only imports that may close a circle, each with why the two types must name each other.
const ALLOWED_TYPE_IMPORTS = {
  // A User's data methods return DataResponse, whose DataReturned holds the User: the two types are one
  // recursive shape. user.ts imports the union as a type only; nothing at run time goes back up.
  'packages/terra-ts/src': [['user.ts', 'responses/parse-data-body.ts']],
};

const roots =
  process.argv.length > 2
    ? process.argv.slice(2).map((root) => root.replace(/\/+$/, ''))
    : readdirSync('packages').map((name) => `packages/${name}/src`);

let failed = false;
for (const root of roots) {
  const graph = (await madge(root, { fileExtensions: ['ts'] })).obj();
  for (const [from, to] of ALLOWED_TYPE_IMPORTS[root] ?? []) {
    graph[from] = (graph[from] ?? []).filter((dependency) => dependency !== to);
  }
  const circles = (await madge(graph)).circular();
  if (circles.length === 0) {
    console.log(`${root}: no import circle`);
    continue;
  }
  failed = true;
  console.error(`${root}: ${circles.length} import circle(s):`);
  for (const circle of circles) console.error(`  ${[...circle, circle[0]].join(' > ')}`);
}
if (failed) {
  console.error(
    'Break each circle: move what both sides need into a lower module, or pass a narrow interface down.',
  );
  process.exitCode = 1;
}
