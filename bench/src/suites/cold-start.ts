import type { BenchConfig } from '../config.js';
import { formatNumber, formatSigned } from '../harness/format.js';
import { interleave } from '../harness/interleave.js';
import { runNode } from '../harness/node-process.js';
import { type Check, groupOf, rowOf, type SuiteResult } from '../harness/result.js';

const BARE = "node -e ''";
const WARMUP = 1;

// Each load also prints how long it took inside the process, which start-up noise does not blur.
const load = (how: 'import' | 'require', name: string) =>
  how === 'require'
    ? `const t=performance.now();require('${name}');console.log(performance.now()-t)`
    : `const t=performance.now();import('${name}').then(()=>console.log(performance.now()-t))`;

// Each variant is a fresh plain `node` (no loader, no NODE_OPTIONS) started in bench/, where the
// packages resolve as in a user's project; the main figure is the wall time from spawn to exit.
const VARIANTS: Record<string, string> = {
  [BARE]: '',
  "terra-ts: import('terra-ts')": load('import', 'terra-ts'),
  "terra-ts: require('terra-ts')": load('require', 'terra-ts'),
  "terra-api: import('terra-api')": load('import', 'terra-api'),
  "terra-api: require('terra-api')": load('require', 'terra-api'),
};

/** Cold start: a new process that loads the package, over a bare `node -e ''`. */
export async function coldStartSuite(config: BenchConfig): Promise<SuiteResult> {
  const inside = new Map<string, number[]>();
  const samples = await interleave(
    Object.entries(VARIANTS).map(([name, code]) => ({
      name,
      run: async () => {
        const { stdout } = await runNode(['-e', code]);
        if (code !== '') inside.set(name, [...(inside.get(name) ?? []), Number(stdout)]);
      },
    })),
    { warmup: WARMUP, rounds: config.coldStart.rounds },
  );
  for (const [name, values] of inside) inside.set(name, values.slice(WARMUP));
  const group = groupOf('process start to exit', 'ms', BARE, samples);
  const loadTimes = groupOf(
    'time to load, measured inside the process (performance.now() around the import or require)',
    'ms',
    "terra-api: require('terra-api')",
    inside,
  );
  const bare = rowOf(group, BARE).median;
  const checks: Check[] = [];
  for (const how of ['import', 'require'] as const) {
    const tsName = `terra-ts: ${how}('terra-ts')`;
    const apiName = `terra-api: ${how}('terra-api')`;
    const ts = rowOf(group, tsName).median - bare;
    const api = rowOf(group, apiName).median - bare;
    const tsInside = rowOf(loadTimes, tsName).median;
    checks.push(
      {
        target: `${how}('terra-ts'): under 15 ms over a bare node -e ''`,
        measured: `${formatSigned(ts)} ms (${formatNumber(tsInside)} ms inside the process)`,
        met: ts < 15,
      },
      {
        target: `${how}('terra-ts'): fewer ms than terra-api`,
        measured: `${formatSigned(ts)} ms vs ${formatSigned(api)} ms`,
        met: ts < api,
      },
    );
  }
  const bareRow = rowOf(group, BARE);
  const limits = checks
    .filter((c) => !c.met && c.target.includes('15 ms'))
    .map(
      (c) =>
        `${c.target.split(':')[0]}: ${c.measured}. Loading the package's code is the in-process figure; the rest of the wall-time difference is process start-up, which varies by ${formatNumber(bareRow.max - bareRow.min)} ms between runs of a bare \`node -e ''\` here.`,
    );
  return {
    id: 'cold-start',
    title: 'Cold start',
    groups: [group, loadTimes],
    checks,
    notes: [
      ...limits,
      "The cost of loading a package is its median minus the bare `node -e ''` median; each run is a separate `node -e` process without the benchmark's TypeScript loader, the variants taking turns.",
      'The second table times the load from inside the same processes; it is steadier than a difference of two process lifetimes on a busy machine.',
    ],
  };
}
