import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { SandboxProcessReady, SandboxProcessRequest } from './protocol.js';

/** A sandbox running in a child process. */
export interface SandboxProcess extends SandboxProcessReady {
  /** CPU time the sandbox process has used so far (user + system, all threads), in milliseconds. */
  cpuMs(): Promise<number>;
  /** Closes the sandbox and waits for the process to exit. */
  close(): Promise<void>;
}

const ENTRY = fileURLToPath(new URL('./sandbox-process.ts', import.meta.url));
const BENCH_DIR = fileURLToPath(new URL('../../', import.meta.url));
const START_TIMEOUT_MS = 120_000;

/** Starts terra-sandbox in its own process and resolves once it listens (and its fixtures are built). */
export function startSandboxProcess(request: SandboxProcessRequest): Promise<SandboxProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY, JSON.stringify(request)], {
    cwd: BENCH_DIR,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const close = async () => {
    child.stdin.end();
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the sandbox process did not start within ${START_TIMEOUT_MS} ms`));
    }, START_TIMEOUT_MS);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the sandbox process exited (code ${code}) before it was ready`));
    });
    const lines = createInterface({ input: child.stdout });
    const waiting: ((line: string) => void)[] = [];
    const cpuMs = () =>
      new Promise<number>((answer) => {
        waiting.push((line) => answer((JSON.parse(line) as { cpuMs: number }).cpuMs));
        child.stdin.write('cpu\n');
      });
    lines.once('line', (line) => {
      clearTimeout(timer);
      lines.on('line', (next) => waiting.shift()?.(next));
      resolve({ ...(JSON.parse(line) as SandboxProcessReady), cpuMs, close });
    });
  });
}
