import { type ChildProcess, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { build } from 'esbuild';
import { dist, fixturesDir } from './paths.js';

/** Values the Worker reads from its `env` bindings. */
export interface WorkerBindings {
  API_KEY: string;
  DEV_ID: string;
  SECRET: string;
}

/** A running `workerd serve` on a free loopback port. */
export interface RunningWorkerd {
  /** `http://127.0.0.1:<port>` */
  url: string;
  stop(): Promise<void>;
}

/**
 * Bundles fixtures/worker.mjs with the built terra-ts ESM dist into one ES module, as a Worker is
 * deployed. No Node compatibility shims are configured: terra-ts must not need them.
 */
export async function bundleWorker(outDir: string): Promise<string> {
  const outfile = join(outDir, 'worker.js');
  await build({
    entryPoints: [join(fixturesDir, 'worker.mjs')],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    alias: { 'terra-ts/testing': dist.testingEsm, 'terra-ts': dist.esm },
    logLevel: 'silent',
  });
  return outfile;
}

const capnpString = (value: string) => JSON.stringify(value);

/**
 * Writes the workerd config: the Worker, its bindings, and an outbound network service that allows
 * loopback, because workerd's default outbound only reaches public addresses and the fake Terra API
 * listens on 127.0.0.1.
 */
export function writeWorkerdConfig(dir: string, bindings: WorkerBindings): string {
  const file = join(dir, 'config.capnp');
  const textBindings = Object.entries(bindings)
    .map(([name, value]) => `(name = ${capnpString(name)}, text = ${capnpString(value)})`)
    .join(', ');
  writeFileSync(
    file,
    `using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [
    (name = "main", worker = .worker),
    (name = "loopback", network = (allow = ["public", "private", "local"])),
  ],
  sockets = [(name = "http", address = "127.0.0.1:0", http = (), service = "main")],
);

const worker :Workerd.Worker = (
  modules = [(name = "worker.js", esModule = embed "worker.js")],
  compatibilityDate = "2025-09-01",
  bindings = [${textBindings}],
  globalOutbound = "loopback",
);
`,
  );
  return file;
}

function waitForPort(child: ChildProcess, control: Readable, stderr: () => string): Promise<number> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`workerd did not start listening within 20 s.\nstderr:\n${stderr()}`));
    }, 20_000);
    control.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      const match = /"event":"listen","socket":"http","port":(\d+)/.exec(buffered);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`workerd exited (${code ?? signal}) before listening.\nstderr:\n${stderr()}`));
    });
  });
}

/**
 * Starts `workerd serve` on port 0. workerd reports the port it bound on `--control-fd` (fd 3 here),
 * so there is no port guessing and no race with other tests.
 */
export async function startWorkerd(binary: string, configFile: string): Promise<RunningWorkerd> {
  const child = spawn(binary, ['serve', configFile, '--control-fd=3'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const port = await waitForPort(child, child.stdio[3] as Readable, () => stderr);
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        // workerd drains open connections on SIGTERM; a keep-alive one must not hold the suite.
        const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
        child.once('exit', () => {
          clearTimeout(force);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
