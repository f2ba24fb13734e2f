import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { dist, fixturesDir, repoRoot } from './paths.js';
import { runProcess } from './run-process.js';
import type { ScenarioResults } from './scenario-checks.js';
import type { ScenarioInput } from './scenario-input.js';

/** How to start fixtures/run-scenario.mjs on each command-line runtime. */
function commandLine(runtime: 'node' | 'bun' | 'deno', binary: string, script: string, args: string[]) {
  if (runtime === 'deno') {
    // Least privilege: only the loopback fake API and reading the repository.
    return [
      binary,
      [
        'run',
        '--quiet',
        '--no-prompt',
        '--no-config',
        '--no-lock',
        '--allow-net=127.0.0.1',
        `--allow-read=${repoRoot}`,
        script,
        ...args,
      ],
    ] as const;
  }
  return [binary, [script, ...args]] as const;
}

function runtimeEnv(): NodeJS.ProcessEnv {
  const denoDir = join(tmpdir(), 'terra-ts-runtime-tests-deno');
  mkdirSync(denoDir, { recursive: true });
  return { ...process.env, DENO_DIR: denoDir, DENO_NO_UPDATE_CHECK: '1', DO_NOT_TRACK: '1', NO_COLOR: '1' };
}

/**
 * Runs the shared scenario against the built ESM dist in a child process of `runtime` and returns its
 * facts. Throws with the child's output when it does not print them, so a failure shows what happened.
 */
export async function runScenarioOn(
  runtime: 'node' | 'bun' | 'deno',
  binary: string,
  input: ScenarioInput,
): Promise<ScenarioResults> {
  const script = join(fixturesDir, 'run-scenario.mjs');
  const encoded = Buffer.from(JSON.stringify(input)).toString('base64');
  const [command, args] = commandLine(runtime, binary, script, [pathToFileURL(dist.esm).href, encoded]);
  const result = await runProcess(command, [...args], { cwd: repoRoot, env: runtimeEnv() });
  const lastLine = result.stdout.trim().split('\n').at(-1) ?? '';
  if (result.code !== 0 || !lastLine.startsWith('{')) {
    throw new Error(
      `${runtime} exited with ${result.code ?? result.signal} without printing results.\n` +
        `stdout:\n${result.stdout}\nstderr:\n${result.stderr}`,
    );
  }
  return JSON.parse(lastLine) as ScenarioResults;
}
