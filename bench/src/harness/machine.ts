import { readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where and with what the figures were measured. */
export interface MachineInfo {
  date: string;
  cpus: number;
  cpuModel: string;
  memory: string;
  os: string;
  node: string;
  terraTs: string;
  terraApi: string;
  wallTime: string;
  load: string;
}

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The 1-minute load average now: other work on the machine, which widens every min-max range. */
export function loadNow(): number {
  return loadavg()[0] ?? 0;
}

/** The resolved entry of a package and its version, as `import` would load it from bench/. */
export function packageInfo(name: string): { entry: string; version: string } {
  const entry = fileURLToPath(import.meta.resolve(name));
  const manifest = fileURLToPath(import.meta.resolve(`${name}/package.json`));
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  return { entry, version };
}

/**
 * Fails unless terra-ts resolves to its built `dist/`: the benchmarks measure what users install,
 * never the TypeScript sources a loader might map the name to.
 */
export function assertBuiltTerraTs(): string {
  const { entry } = packageInfo('terra-ts');
  if (!/[\\/]dist[\\/]/.test(entry)) {
    throw new Error(
      `terra-ts resolved to ${entry}, not to its built dist/; run \`npm run build -w terra-ts\``,
    );
  }
  return entry;
}

/** Describes this machine and the two packages under test. */
export function machineInfo(wallTimeMs: number, loadAtStart: number): MachineInfo {
  const cpuList = cpus();
  const terraTs = packageInfo('terra-ts');
  const terraApi = packageInfo('terra-api');
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    cpus: cpuList.length,
    cpuModel: cpuList[0]?.model.trim() ?? 'unknown',
    memory: `${(totalmem() / 1024 ** 3).toFixed(1)} GB`,
    os: `${type()} ${release()}`,
    node: process.version,
    terraTs: `${terraTs.version} (built: ${relative(REPO_ROOT, terraTs.entry)})`,
    terraApi: `${terraApi.version} (devDependency of bench/ only)`,
    wallTime: `${(wallTimeMs / 1000).toFixed(0)} s`,
    load: `${loadAtStart.toFixed(2)} at the start, ${loadNow().toFixed(2)} at the end (1-minute load average; 2 would be both cores busy)`,
  };
}
