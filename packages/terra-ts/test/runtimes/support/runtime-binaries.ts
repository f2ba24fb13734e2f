import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './paths.js';

/** The JavaScript runtimes installed as root devDependencies. */
export type RuntimeName = 'bun' | 'deno' | 'workerd';

/** A runtime binary that answered `--version`, or why it cannot run here. */
export type RuntimeBinary = { ok: true; path: string; version: string } | { ok: false; why: string };

/**
 * Finds the runtime's binary in node_modules/.bin and checks it really runs. Each npm package ships the
 * binary in a platform package (@oven/bun-*, @deno/*, @cloudflare/workerd-*); a machine without a build
 * for its platform gets a clear reason to skip instead of a confusing failure.
 */
export function findRuntime(name: RuntimeName): RuntimeBinary {
  const path = join(repoRoot, 'node_modules', '.bin', name);
  if (!existsSync(path)) {
    return { ok: false, why: `${path} does not exist: run \`npm ci\` at the workspace root` };
  }
  const probe = spawnSync(path, ['--version'], { encoding: 'utf8', timeout: 20_000 });
  if (probe.error || probe.status !== 0) {
    const detail = probe.error?.message ?? probe.stderr.trim().split('\n')[0];
    return { ok: false, why: `${name} --version failed on ${process.platform}-${process.arch}: ${detail}` };
  }
  // `deno 2.9.6 (stable, ...)`, `1.4.5`, `workerd 2026-11-17`: keep just the version.
  const version = /\d[\w.-]*/.exec(probe.stdout)?.[0] ?? probe.stdout.trim();
  return { ok: true, path, version };
}
