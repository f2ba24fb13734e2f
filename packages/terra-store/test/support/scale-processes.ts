import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CHILD = fileURLToPath(new URL('./scale-child.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** A receiver or worker process of the scale tests (see scale-child.ts). */
export interface ScaleProcess {
  readonly child: ChildProcess;
  /** The receiver's URL, or the worker's id. */
  readonly ready: string;
  /** Every line it printed so far. */
  readonly lines: string[];
  /** Resolves with the exit code (null when killed by a signal). */
  readonly exited: Promise<number | null>;
  /** Resolves with the first line matching `pattern` (printed already or later). */
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<string>;
}

/** Starts a scale child with `env` (ROLE, STORE_DATABASE, ...) and waits until it prints READY. */
export async function startScaleProcess(
  env: Record<string, string>,
  timeoutMs = 60_000,
): Promise<ScaleProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const listeners = new Set<() => void>();
  let partial = '';
  child.stdout?.on('data', (d: Buffer) => {
    partial += d.toString();
    const parts = partial.split('\n');
    partial = parts.pop() ?? '';
    lines.push(...parts);
    for (const listener of [...listeners]) listener();
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const waitForLine = (pattern: RegExp, waitMs = 60_000) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const line = lines.find((l) => pattern.test(l));
        if (!line) return;
        done();
        resolve(line);
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`no line matching ${pattern} within ${waitMs} ms; stderr: ${stderr}`));
      }, waitMs);
      const gone = () => {
        done();
        reject(new Error(`the ${env.ROLE} exited before printing ${pattern}; stderr: ${stderr}`));
      };
      const done = () => {
        clearTimeout(timer);
        listeners.delete(check);
        child.off('exit', gone);
      };
      listeners.add(check);
      child.once('exit', gone);
      check();
    });
  const readyLine = await waitForLine(/^READY /, timeoutMs);
  return { child, ready: readyLine.slice('READY '.length), lines, exited, waitForLine };
}

/** SIGTERMs a process (continuing it first if stopped) and waits for its exit code. */
export async function stopScaleProcess(proc: ScaleProcess): Promise<number | null> {
  if (proc.child.exitCode === null && proc.child.signalCode === null) {
    proc.child.kill('SIGCONT');
    proc.child.kill('SIGTERM');
  }
  return proc.exited;
}

/** SIGKILLs a process and waits until it is gone. */
export async function killScaleProcess(proc: ScaleProcess): Promise<void> {
  if (proc.child.exitCode === null && proc.child.signalCode === null) proc.child.kill('SIGKILL');
  await proc.exited;
}
