import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { nowMs } from './clock.js';

/** bench/, the directory child processes run in (so `terra-ts` and `terra-api` resolve as for a user). */
export const BENCH_DIR = fileURLToPath(new URL('../../', import.meta.url));

/** An environment without loader flags inherited from the parent (tsx, coverage): children run plain Node. */
export function plainEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  return env;
}

/**
 * Runs `node <args>` to completion; resolves with its stdout and wall time, rejects on a non-zero exit.
 * `env` adds variables (for what must not appear in the command line or its error message).
 */
export function runNode(
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
): Promise<{ stdout: string; wallMs: number }> {
  return new Promise((resolve, reject) => {
    const start = nowMs();
    const child = spawn(process.execPath, args, {
      cwd: BENCH_DIR,
      env: { ...plainEnv(), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => {
      stdout += s;
    });
    child.stderr.setEncoding('utf8').on('data', (s: string) => {
      stderr += s;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = nowMs() - start;
      if (code === 0) resolve({ stdout, wallMs });
      else
        reject(
          new Error(`node ${args.join(' ').slice(0, 200)} exited with ${code}: ${stderr.slice(0, 2000)}`),
        );
    });
  });
}
