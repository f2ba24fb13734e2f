import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchConfig } from '../config.js';
import { formatNumber, formatSigned } from '../harness/format.js';
import { interleave } from '../harness/interleave.js';
import { runNode } from '../harness/node-process.js';
import { type Check, groupOf, rowOf, type SuiteResult } from '../harness/result.js';

const BARE = "node -e ''";
const PRINT = "node -e 'console.log(0)' (reference: the cost of a first write to stdout)";
// A real empty file: a data: URL skips the file resolution and package.json scope lookup every package pays.
const EMPTY_MODULE = join(tmpdir(), 'terra-bench-empty.mjs');
const EMPTY_ESM = `node -e "import('<an empty .mjs file>')" (reference: starting the ESM loader)`;
const WARMUP = 1;

// The wall-time contenders print nothing: a bare `node -e ''` does not start stdout either, and the first
// console.log to a pipe costs a few ms of its own (the reference row), which would be charged to
// the package. A failed load still fails the run (an import rejection exits non-zero).
const silent = (how: 'import' | 'require', name: string) =>
  how === 'require' ? `require('${name}')` : `import('${name}')`;

// Separate processes time the load from inside, which start-up noise does not blur.
const timed = (how: 'import' | 'require', name: string) =>
  how === 'require'
    ? `const t=performance.now();require('${name}');console.log(performance.now()-t)`
    : `const t=performance.now();import('${name}').then(()=>console.log(performance.now()-t))`;

const CONTENDERS = ['terra-ts', 'terra-api'] as const;
const HOWS = ['import', 'require'] as const;
const label = (name: string, how: string) => `${name}: ${how}('${name}')`;

// Each variant is a fresh plain `node` (no loader, no NODE_OPTIONS) started in bench/, where the
// packages resolve as in a user's project; the main figure is the wall time from spawn to exit.
const VARIANTS: Record<string, string> = {
  [BARE]: '',
  [PRINT]: 'console.log(0)',
  [EMPTY_ESM]: `import(${JSON.stringify(pathToFileURL(EMPTY_MODULE).href)})`,
};
for (const name of CONTENDERS) for (const how of HOWS) VARIANTS[label(name, how)] = silent(how, name);

/** Cold start: a new process that loads the package, over a bare `node -e ''`. */
export async function coldStartSuite(config: BenchConfig): Promise<SuiteResult> {
  writeFileSync(EMPTY_MODULE, 'export {};\n');
  const samples = await interleave(
    Object.entries(VARIANTS).map(([name, code]) => ({
      name,
      run: async () => void (await runNode(['-e', code])),
    })),
    { warmup: WARMUP, rounds: config.coldStart.rounds },
  );
  const inside = new Map<string, number[]>();
  await interleave(
    CONTENDERS.flatMap((name) =>
      HOWS.map((how) => ({
        name: label(name, how),
        run: async () => {
          const { stdout } = await runNode(['-e', timed(how, name)]);
          inside.set(label(name, how), [...(inside.get(label(name, how)) ?? []), Number(stdout)]);
        },
      })),
    ),
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
    .map((c) => {
      const loader = rowOf(group, EMPTY_ESM).median - bare;
      const esmShare = c.target.startsWith('import')
        ? ` Of that, starting Node's ESM loader, which any \`import()\` pays first, is ${formatSigned(loader)} ms (the empty-module row), so terra-ts's own code is about ${formatSigned(rowOf(group, "terra-ts: import('terra-ts')").median - bare - loader)} ms, as with \`require\`.`
        : '';
      return `${c.target.split(':')[0]}: ${c.measured}.${esmShare} Loading the package's code is the in-process figure; the rest of the wall-time difference is process start-up, which varies by ${formatNumber(bareRow.max - bareRow.min)} ms between runs of a bare \`node -e ''\` here.`;
    });
  return {
    id: 'cold-start',
    title: 'Cold start',
    groups: [group, loadTimes],
    checks,
    notes: [
      ...limits,
      "The cost of loading a package is its median minus the bare `node -e ''` median; each run is a separate `node -e` process without the benchmark's TypeScript loader, the variants taking turns. The loading processes print nothing, like the bare one: a first `console.log` to a pipe costs a few ms by itself (the reference row), which earlier runs of this suite charged to the packages.",
      "`import()` of any ES module first starts Node's ESM loader; the empty-module reference row shows that share of an `import('terra-ts')`.",
      'The second table times the load from inside the same processes; it is steadier than a difference of two process lifetimes on a busy machine.',
    ],
  };
}
