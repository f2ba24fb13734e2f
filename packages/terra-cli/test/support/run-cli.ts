import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const BIN = fileURLToPath(new URL('../../src/bin.ts', import.meta.url));
const TSCONFIG = fileURLToPath(new URL('../../../../tsconfig.json', import.meta.url));
// An absolute loader URL: `--import tsx` would resolve from the child's cwd, which tests move to temp dirs.
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/** What a finished `terra` process left behind. */
export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Options of a CLI run. */
export interface RunOptions {
  /** Extra environment (TERRA_* from the test runner's own environment are never inherited). */
  env?: Record<string, string>;
  cwd?: string;
  /** Written to stdin, then stdin is closed. */
  input?: string | Uint8Array;
  /** Kill the process after this long (a hung command fails the test instead of the run). */
  timeoutMs?: number;
}

/** The command line that runs the CLI from source (tsx resolves the workspace packages via tsconfig paths). */
export function cliCommand(args: readonly string[]): { command: string; args: string[] } {
  return { command: process.execPath, args: ['--import', TSX, BIN, ...args] };
}

/** An environment without the runner's Terra credentials, colours or CI-specific variables. */
export function cliEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (
      value === undefined ||
      name.startsWith('TERRA_') ||
      name === 'FORCE_COLOR' ||
      name.startsWith('VITEST')
    )
      continue;
    env[name] = value;
  }
  return { ...env, TSX_TSCONFIG_PATH: TSCONFIG, NO_COLOR: '1', ...extra };
}

/** Starts `terra <args>` as a child process. */
export function startCli(args: readonly string[], options: RunOptions = {}): ChildProcess {
  const { command, args: argv } = cliCommand(args);
  return spawn(command, argv, {
    cwd: options.cwd ?? process.cwd(),
    env: cliEnv(options.env),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

/** Runs `terra <args>` to completion and collects its output and exit code. */
export function runCli(args: readonly string[], options: RunOptions = {}): Promise<CliResult> {
  const child = startCli(args, options);
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  child.stdin?.end(options.input);
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 90_000);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** A running CLI process whose output can be awaited line by line. */
export class LiveCli {
  readonly child: ChildProcess;
  stdout = '';
  stderr = '';
  readonly exited: Promise<number | null>;

  constructor(args: readonly string[], options: RunOptions = {}) {
    this.child = startCli(args, options);
    this.child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      this.stdout += chunk;
    });
    this.child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      this.stderr += chunk;
    });
    this.exited = new Promise((resolve) => this.child.once('close', (code) => resolve(code)));
  }

  /** Resolves with the first match of `pattern` in stdout or stderr; rejects after `timeoutMs`. */
  async waitFor(stream: 'stdout' | 'stderr', pattern: RegExp, timeoutMs = 60_000): Promise<RegExpMatchArray> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const match = this[stream].match(pattern);
      if (match) return match;
      if (Date.now() > deadline || this.child.exitCode !== null) {
        throw new Error(`no ${pattern} in ${stream}:\n${this[stream]}\n--- stderr:\n${this.stderr}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  /** Sends SIGINT (Ctrl-C) and waits for the exit code. */
  async interrupt(): Promise<number | null> {
    if (this.child.exitCode === null) this.child.kill('SIGINT');
    return this.exited;
  }
}
