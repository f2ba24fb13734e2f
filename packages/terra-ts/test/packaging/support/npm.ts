import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageDir } from '../../runtimes/support/paths.js';
import { type ProcessResult, runProcess } from '../../runtimes/support/run-process.js';

/**
 * The environment for child npm commands: `npm test` exports npm_config_* and npm_package_* variables
 * describing the workspace, which must not leak into the temporary consumer project.
 */
function cleanNpmEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
}

/** Runs `npm <args>` in `cwd`; throws with the output if it fails. */
export async function npm(args: string[], cwd: string): Promise<ProcessResult> {
  const npmCommand = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = await runProcess(npmCommand, args, { cwd, env: cleanNpmEnv(), killAfterMs: 120_000 });
  if (result.code !== 0) {
    throw new Error(`npm ${args.join(' ')} failed (${result.code ?? result.signal}):\n${result.stderr}`);
  }
  return result;
}

/**
 * `npm pack`s packages/terra-ts into `destination` and returns the tarball's path. The build `npm test`
 * already made is packed as is (`--ignore-scripts` skips the `prepack` rebuild, which would rewrite dist/
 * under the other tests reading it); test/packaging/clean-pack checks that `prepack` builds from scratch.
 */
export async function packTerraTs(destination: string): Promise<string> {
  const { stdout } = await npm(
    ['pack', '--json', '--ignore-scripts', '--pack-destination', destination],
    packageDir,
  );
  const [packed] = JSON.parse(stdout) as Array<{ filename: string }>;
  if (!packed) throw new Error(`npm pack printed no tarball:\n${stdout}`);
  return join(destination, packed.filename);
}

/**
 * Installs the tarball into a fresh consumer project, offline: terra-ts has zero dependencies, so
 * nothing is fetched and the install proves that.
 */
export async function installIntoNewProject(projectDir: string, tarball: string): Promise<void> {
  writeFileSync(
    join(projectDir, 'package.json'),
    JSON.stringify({ name: 'terra-ts-consumer', version: '1.0.0', private: true }, null, 2),
  );
  await npm(['install', tarball, '--offline', '--no-audit', '--no-fund', '--no-package-lock'], projectDir);
}
