import { execFile, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A throwaway PostgreSQL cluster started from the system's binaries. */
export interface PostgresCluster {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` */
  readonly url: string;
  /** Stops the server the hard way (`pg_ctl -m immediate`: crash recovery on start) and starts it again. */
  restart(options?: { downMs?: number }): Promise<void>;
  stop(): Promise<void>;
}

const INSTALL_HINT =
  'terra-store tests need a PostgreSQL server. Install one (Debian/Ubuntu: `apt-get install postgresql`), ' +
  'or point TERRA_STORE_TEST_DATABASE_URL at a server you own (a role allowed to CREATE DATABASE).';

/** Finds the directory holding initdb, pg_ctl and postgres (the newest Debian version, or PATH). */
export function findPostgresBinaries(): string | undefined {
  const explicit = process.env.TERRA_STORE_PG_BIN;
  if (explicit && existsSync(join(explicit, 'initdb'))) return explicit;
  const root = '/usr/lib/postgresql';
  for (const version of ['18', '17', '16', '15', '14', '13']) {
    const dir = join(root, version, 'bin');
    if (existsSync(join(dir, 'initdb'))) return dir;
  }
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return dir;
  }
  return undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Runs a binary as the `postgres` OS user when we are root (initdb and postgres refuse to run as root). */
function asClusterUser(bin: string, args: string[]): [string, string[]] {
  if (process.getuid?.() === 0) return ['runuser', ['-u', 'postgres', '--', bin, ...args]];
  return [bin, args];
}

/**
 * Starts a cluster in a fresh temp directory on a free port, trusting local connections.
 *
 * @throws Error with the install hint when no binaries are found or the server does not start.
 */
export async function startPostgresCluster(): Promise<PostgresCluster> {
  const bin = findPostgresBinaries();
  if (!bin) throw new Error(`No PostgreSQL server binaries (initdb, pg_ctl) were found. ${INSTALL_HINT}`);
  const dir = mkdtempSync(join(tmpdir(), 'terra-store-pg-'));
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  const port = await freePort();
  const root = process.getuid?.() === 0;
  if (root) await run('chown', ['postgres', dir]);
  const start = async () => {
    const [pgCtl, ctlArgs] = asClusterUser(join(bin, 'pg_ctl'), [
      '-D',
      data,
      '-l',
      join(dir, 'log'),
      '-w',
      '-t',
      '60',
      '-o',
      `-p ${port} -h 127.0.0.1 -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`,
      'start',
    ]);
    await run(pgCtl, ctlArgs);
  };
  const immediateStop = async () => {
    const [pgCtl, ctlArgs] = asClusterUser(join(bin, 'pg_ctl'), [
      '-D',
      data,
      '-m',
      'immediate',
      '-w',
      'stop',
    ]);
    await run(pgCtl, ctlArgs);
  };
  try {
    const [initdb, initArgs] = asClusterUser(join(bin, 'initdb'), [
      '-D',
      data,
      '-U',
      'postgres',
      '--auth=trust',
      '--encoding=UTF8',
      '--no-sync',
    ]);
    await run(initdb, initArgs);
    await start();
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(
      `The throwaway PostgreSQL cluster did not start (${(error as Error).message.split('\n')[0]}). ${INSTALL_HINT}`,
    );
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async restart(options = {}) {
      await immediateStop();
      await new Promise((resolve) => setTimeout(resolve, options.downMs ?? 0));
      await start();
    },
    async stop() {
      await immediateStop().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Stops a server process group started by {@link spawn} (unused helper kept for workers). */
export const spawnProcess = spawn;
