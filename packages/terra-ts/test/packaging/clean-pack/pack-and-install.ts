import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../runtimes/support/paths.js';
import { type ProcessResult, runProcess } from '../../runtimes/support/run-process.js';
import { type CleanWorkspace, type PublishablePackage, publishablePackages } from './clean-workspace.js';

// `npm test` exports npm_* variables describing the workspace; they must not reach the child npm.
const cleanEnv = (): NodeJS.ProcessEnv =>
  Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));

/** Runs a command in `cwd` with a clean npm environment; throws with its output when it fails. */
export async function run(
  command: string,
  args: string[],
  cwd: string,
  killAfterMs = 240_000,
): Promise<ProcessResult> {
  const result = await runProcess(command, args, { cwd, env: cleanEnv(), killAfterMs });
  if (result.code !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed (${result.code ?? result.signal}) in ${cwd}:\n${result.stdout}\n${result.stderr}`,
    );
  }
  return result;
}

/**
 * `npm pack -w <each>` at the clean copy's root, in build order, so every `prepack` runs as it would on
 * publish. Returns each package's tarball path.
 */
export async function packAll(
  workspace: CleanWorkspace,
  packages: readonly PublishablePackage[],
): Promise<Map<PublishablePackage, string>> {
  const flags = packages.flatMap((name) => ['-w', name]);
  // Four bundles and declaration builds: about a minute of CPU, many minutes of wall clock on a loaded machine.
  await run('npm', ['pack', '--pack-destination', workspace.outDir, ...flags], workspace.root, 840_000);
  const tarballs = new Map<PublishablePackage, string>();
  for (const name of packages) {
    const file = readdirSync(workspace.outDir).find((entry) =>
      new RegExp(`^${name}-\\d.*\\.tgz$`).test(entry),
    );
    if (!file) throw new Error(`npm pack produced no tarball for ${name} in ${workspace.outDir}`);
    tarballs.set(name, join(workspace.outDir, file));
  }
  return tarballs;
}

/** The paths inside a tarball (`package/...`), sorted. */
export async function tarballFiles(tarball: string): Promise<string[]> {
  const { stdout } = await run('tar', ['-tzf', tarball], repoRoot);
  return stdout.split('\n').filter(Boolean).sort();
}

/** One file's text from inside a tarball. */
export async function tarballText(tarball: string, path: string): Promise<string> {
  return (await run('tar', ['-xzOf', tarball, path], repoRoot)).stdout;
}

/**
 * Where the workspace has a third-party dependency of `name`, found as Node would from the package's
 * folder (its own node_modules first, then the root's).
 */
function installedDependencyDir(name: PublishablePackage, dependency: string): string {
  const nested = join(repoRoot, 'packages', name, 'node_modules', dependency);
  return existsSync(nested) ? nested : join(repoRoot, 'node_modules', dependency);
}

/**
 * Installs the tarballs into an empty project, offline. Workspace dependencies (terra-cli needs terra-ts
 * and terra-sandbox) come from their tarballs only; third-party dependencies are linked from the
 * workspace's node_modules (`file:` folders), so nothing is fetched and nothing else satisfies them.
 */
export async function installTarballs(
  projectDir: string,
  tarballs: Map<PublishablePackage, string>,
): Promise<void> {
  writeFileSync(
    join(projectDir, 'package.json'),
    `${JSON.stringify({ name: 'packed-consumer', version: '1.0.0', private: true }, null, 2)}\n`,
  );
  const workspaceNames = new Set<string>(publishablePackages);
  const thirdParty = new Set<string>();
  for (const name of tarballs.keys()) {
    const manifest = JSON.parse(readFileSync(join(repoRoot, 'packages', name, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
    };
    for (const dependency of Object.keys(manifest.dependencies ?? {})) {
      if (!workspaceNames.has(dependency)) thirdParty.add(`file:${installedDependencyDir(name, dependency)}`);
    }
  }
  await run(
    'npm',
    [
      'install',
      '--offline',
      '--no-audit',
      '--no-fund',
      // A linked folder's own `prepare` (postgres transpiles itself) is the workspace's business, not the consumer's.
      '--ignore-scripts',
      '--install-links=false',
      ...tarballs.values(),
      ...thirdParty,
    ],
    projectDir,
  );
}
