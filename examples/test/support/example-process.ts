import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The workspace root: examples run from here, so 'terra-ts' resolves to the workspace package. */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** A running example program. */
export interface RunningExample {
  /** The URL it printed in its `listening on <url>` line. */
  url: string;
  /** Everything it printed on stdout so far, line by line. */
  lines(): string[];
  /** Waits until a printed line satisfies `match` (or fails with the output after `timeoutMs`). */
  waitForLine(match: (line: string) => boolean, timeoutMs?: number): Promise<string>;
  stop(): Promise<void>;
}

/**
 * Starts `command args` from the workspace root with `env` added, and resolves once it prints
 * `listening on <url>`. Fails with its output if it exits or stays silent for `startMs`.
 */
export function startExample(
  command: string,
  args: string[],
  env: Record<string, string>,
  startMs = 60_000,
): Promise<RunningExample> {
  const child: ChildProcess = spawn(command, args, {
    cwd: repoRoot,
    env: { ...process.env, ...env, NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const waiters = new Set<() => void>();
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    for (const wake of waiters) wake();
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const lines = () => stdout.split('\n').filter(Boolean);
  const output = () => `stdout:\n${stdout}\nstderr:\n${stderr}`;

  const waitForLine = (match: (line: string) => boolean, timeoutMs = 20_000) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const found = lines().find(match);
        if (found === undefined) return false;
        finish();
        resolve(found);
        return true;
      };
      const onExit = () => {
        if (!check()) {
          finish();
          reject(new Error(`${command} exited (${child.exitCode ?? child.signalCode}) first.\n${output()}`));
        }
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`${command} printed no such line within ${timeoutMs} ms.\n${output()}`));
      }, timeoutMs);
      const finish = () => {
        clearTimeout(timer);
        waiters.delete(wake);
        child.off('exit', onExit);
      };
      const wake = () => void check();
      if (check()) return;
      waiters.add(wake);
      child.once('exit', onExit);
    });

  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
      child.once('exit', () => {
        clearTimeout(force);
        resolve();
      });
      child.kill('SIGTERM');
    });

  return waitForLine((line) => line.startsWith('listening on '), startMs).then(
    (line) => ({ url: line.slice('listening on '.length).trim(), lines, waitForLine, stop }),
    async (error: unknown) => {
      await stop();
      throw error;
    },
  );
}
