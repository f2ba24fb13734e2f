#!/usr/bin/env node
// `npm run node-versions`: installs the Node binaries of the test matrix (node-versions.mjs) from the npm
// registry, each into node_modules/.node-versions/<version>. Idempotent: a version already installed is
// only checked. The npm registry is the only source; npm checks each tarball's integrity.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { binaryFor, binaryPackage, cacheRoot, installedNodeVersions } from './node-versions.mjs';

/** Runs npm, serialised with the team's npm lock when `flock` exists (other installs may be running). */
function npmInstall(prefix, spec) {
  const args = [
    'install',
    '--prefix',
    prefix,
    '--no-audit',
    '--no-fund',
    '--no-save',
    '--loglevel=error',
    spec,
  ];
  const hasFlock = spawnSync('flock', ['--version'], { stdio: 'ignore' }).status === 0;
  const [command, commandArgs] = hasFlock ? ['flock', ['/tmp/npm.lock', 'npm', ...args]] : ['npm', args];
  // npm_* variables of an enclosing `npm run` describe the workspace; the prefix is a project of its own.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
  return spawnSync(command, commandArgs, { stdio: ['ignore', 'inherit', 'inherit'], env });
}

let failed = 0;
for (const version of installedNodeVersions) {
  let binary = binaryFor(version);
  if (!binary.installed) {
    const prefix = join(cacheRoot, version);
    mkdirSync(prefix, { recursive: true });
    // A package.json of its own, so npm treats the prefix as its project, not the workspace above it.
    writeFileSync(
      join(prefix, 'package.json'),
      `${JSON.stringify({ private: true, name: `node-${version}` })}\n`,
    );
    console.log(`installing ${binaryPackage}@${version} into ${prefix}`);
    const result = npmInstall(prefix, `${binaryPackage}@${version}`);
    if (result.status !== 0) {
      console.error(
        `npm could not install ${binaryPackage}@${version} (exit ${result.status ?? result.signal})`,
      );
      failed++;
      continue;
    }
    binary = binaryFor(version);
  }
  const probe = spawnSync(binary.path, ['--version'], { encoding: 'utf8' });
  const reported = probe.stdout?.trim();
  if (probe.status !== 0 || (reported !== `v${version}` && binary.path !== process.execPath)) {
    console.error(
      `${binary.path} --version answered ${reported ?? probe.error?.message}, expected v${version}`,
    );
    failed++;
  } else {
    console.log(`node ${reported}: ${binary.path}`);
  }
}
process.exit(failed === 0 ? 0 : 1);
