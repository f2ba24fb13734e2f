import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

/** A Worker served by `workerd serve` on a free loopback port. */
export interface RunningWorker {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** Waits until the Worker has logged `line` (console.log goes to workerd's output). */
  waitForLog(line: string, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Writes a workerd config for `dir/worker.js` with text bindings, as `wrangler dev` would set them up,
 * and an outbound network that may reach loopback.
 */
function writeConfig(dir: string, bindings: Record<string, string>): string {
  const file = join(dir, 'config.capnp');
  const text = Object.entries(bindings)
    .map(([name, value]) => `(name = ${JSON.stringify(name)}, text = ${JSON.stringify(value)})`)
    .join(', ');
  writeFileSync(
    file,
    `using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [(name = "main", worker = .worker), (name = "net", network = (allow = ["public", "private", "local"]))],
  sockets = [(name = "http", address = "127.0.0.1:0", http = (), service = "main")],
);

const worker :Workerd.Worker = (
  modules = [(name = "worker.js", esModule = embed "worker.js")],
  compatibilityDate = "2025-09-01",
  bindings = [${text}],
  globalOutbound = "net",
);
`,
  );
  return file;
}

/** Starts workerd on port 0; the bound port comes back on the control fd (3), so there is no guessing. */
export function startWorker(
  binary: string,
  dir: string,
  bindings: Record<string, string>,
): Promise<RunningWorker> {
  const config = writeConfig(dir, bindings);
  const child = spawn(binary, ['serve', config, '--control-fd=3', '--verbose'], {
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: string) => {
    output += chunk;
  };
  child.stdout?.setEncoding('utf8').on('data', collect);
  child.stderr?.setEncoding('utf8').on('data', collect);

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

  const waitForLog = async (line: string, timeoutMs = 10_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!output.includes(line)) {
      if (Date.now() > deadline) throw new Error(`workerd never logged ${JSON.stringify(line)}:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  return new Promise((resolve, reject) => {
    let control = '';
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`workerd did not listen within 30 s:\n${output}`));
    }, 30_000);
    (child.stdio[3] as Readable).setEncoding('utf8').on('data', (chunk: string) => {
      control += chunk;
      const match = /"event":"listen","socket":"http","port":(\d+)/.exec(control);
      if (match) {
        clearTimeout(timer);
        resolve({ url: `http://127.0.0.1:${match[1]}`, waitForLog, stop });
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`workerd exited (${code ?? signal}) before listening:\n${output}`));
    });
  });
}
