import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { repoRoot } from '../../runtimes/support/paths.js';

/** The publishable workspace packages, in build order (each depends only on earlier ones). */
export const publishablePackages = ['terra-ts', 'terra-sandbox', 'terra-store', 'terra-cli'] as const;

/** One of {@link publishablePackages}. */
export type PublishablePackage = (typeof publishablePackages)[number];

/** A copy of the workspace with no build output, ready for `npm pack`. */
export interface CleanWorkspace {
  /** The copy's root (its package.json lists the same workspaces). */
  root: string;
  /** Where the tarballs go. */
  outDir: string;
}

// Build output, installed modules and tests never belong in a clean checkout's package folders.
const skipped = new Set(['dist', 'node_modules', 'test', 'coverage']);

/**
 * Copies the root manifests and the given packages' folders (as in the working tree, minus dist/,
 * node_modules/ and tests) into a temporary folder: the state of a fresh clone before any build.
 * Installed modules are borrowed from the real workspace by symlink (no network), except the workspace
 * packages themselves, which point at the copies: a package's build finds its workspace dependencies
 * only if their own `prepack` built them in the copy.
 */
export function makeCleanWorkspace(packages: readonly PublishablePackage[]): CleanWorkspace {
  const root = mkdtempSync(join(tmpdir(), 'terra-clean-pack-'));
  for (const file of [
    'package.json',
    'package-lock.json',
    'tsconfig.base.json',
    'tsconfig.json',
    'LICENSE',
  ]) {
    cpSync(join(repoRoot, file), join(root, file));
  }
  for (const name of packages) {
    const from = join(repoRoot, 'packages', name);
    cpSync(from, join(root, 'packages', name), {
      recursive: true,
      filter: (source) => source === from || !skipped.has(basename(source)),
    });
    // A package's own nested node_modules (versions that differ from the root's) come along by link.
    const nested = join(from, 'node_modules');
    if (existsSync(nested)) symlinkSync(nested, join(root, 'packages', name, 'node_modules'), 'dir');
  }
  const modules = join(root, 'node_modules');
  mkdirSync(modules);
  const workspaceNames = new Set<string>(publishablePackages);
  for (const entry of readdirSync(join(repoRoot, 'node_modules'))) {
    if (workspaceNames.has(entry) || entry === '.node-versions' || entry === '.cache') continue;
    symlinkSync(join(repoRoot, 'node_modules', entry), join(modules, entry));
  }
  for (const name of packages) symlinkSync(join('..', 'packages', name), join(modules, name), 'dir');
  const outDir = join(root, 'tarballs');
  mkdirSync(outDir);
  return { root, outDir };
}
