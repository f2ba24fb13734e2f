import { execFileSync, spawnSync } from 'node:child_process';
import { cliCommand, cliEnv } from './run-cli.js';

/** True when tmux is installed (CI installs it; see .ci/run). */
export function hasTmux(): boolean {
  return spawnSync('tmux', ['-V']).status === 0;
}

function shellQuote(value: string): string {
  return `'${value.replaceAll("'", "'\\''")}'`;
}

let sessions = 0;

/**
 * `terra` running in a real terminal: a tmux pane on a private tmux server (its own socket), so the test never
 * touches anyone else's tmux. The pane stays open after the command exits and shows `[exit N]`.
 */
export class TerminalSession {
  readonly #socket: string;

  /** @param args - the CLI arguments; @param env - extra environment; @param width - terminal columns. */
  constructor(args: readonly string[], env: Record<string, string> = {}, width = 100) {
    this.#socket = `terra-cli-test-${process.pid}-${sessions++}`;
    const { command, args: argv } = cliCommand(args);
    const vars = Object.entries(cliEnv(env)).map(([name, value]) => `${name}=${shellQuote(value)}`);
    const line = `env -i ${vars.join(' ')} ${[command, ...argv].map(shellQuote).join(' ')}; echo "[exit $?]"; sleep 600`;
    execFileSync('tmux', [
      '-L',
      this.#socket,
      '-f',
      '/dev/null',
      'new-session',
      '-d',
      '-x',
      String(width),
      '-y',
      '40',
      line,
    ]);
  }

  /** The screen text, with the lines scrolled out of view above it. */
  screen(): string {
    return execFileSync('tmux', ['-L', this.#socket, 'capture-pane', '-p', '-J', '-S', '-5000'], {
      encoding: 'utf8',
    });
  }

  /** Waits until the screen matches `pattern`, and returns the match. */
  async waitFor(pattern: RegExp, timeoutMs = 60_000): Promise<RegExpMatchArray> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const match = this.screen().match(pattern);
      if (match) return match;
      if (Date.now() > deadline) throw new Error(`no ${pattern} on screen:\n${this.screen()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Waits for the command to exit and returns its exit code. */
  async exitCode(): Promise<number> {
    const [, code] = await this.waitFor(/\[exit (\d+)\]/);
    return Number(code);
  }

  /** Types keys, as tmux send-keys names them (`y`, `Enter`, `C-c`). */
  sendKeys(...keys: string[]): void {
    execFileSync('tmux', ['-L', this.#socket, 'send-keys', ...keys]);
  }

  /** Stops this test's private tmux server (and the pane's processes with it). */
  close(): void {
    spawnSync('tmux', ['-L', this.#socket, 'kill-server']);
  }
}
