import type { BenchConfig } from '../config.js';
import { formatSigned } from '../harness/format.js';
import { interleave } from '../harness/interleave.js';
import { runNode } from '../harness/node-process.js';
import { type Check, groupOf, rowOf, type SuiteResult } from '../harness/result.js';

const BARE = "node -e ''";

// Each variant is a fresh plain `node` (no loader, no NODE_OPTIONS) started in bench/, where the
// packages resolve as in a user's project; the figure is the wall time from spawn to exit.
const VARIANTS: Record<string, string> = {
  [BARE]: '',
  "terra-ts: import('terra-ts')": "import('terra-ts')",
  "terra-ts: require('terra-ts')": "require('terra-ts')",
  "terra-api: import('terra-api')": "import('terra-api')",
  "terra-api: require('terra-api')": "require('terra-api')",
};

/** Cold start: a new process that loads the package, over a bare `node -e ''`. */
export async function coldStartSuite(config: BenchConfig): Promise<SuiteResult> {
  const samples = await interleave(
    Object.entries(VARIANTS).map(([name, code]) => ({ name, run: () => runNode(['-e', code]) })),
    { warmup: 1, rounds: config.coldStart.rounds },
  );
  const group = groupOf('process start to exit', 'ms', BARE, samples);
  const bare = rowOf(group, BARE).median;
  const checks: Check[] = [];
  for (const how of ['import', 'require'] as const) {
    const ts = rowOf(group, `terra-ts: ${how}('terra-ts')`).median - bare;
    const api = rowOf(group, `terra-api: ${how}('terra-api')`).median - bare;
    checks.push(
      {
        target: `${how}('terra-ts'): under 15 ms over a bare node -e ''`,
        measured: `${formatSigned(ts)} ms`,
        met: ts < 15,
      },
      {
        target: `${how}('terra-ts'): fewer ms than terra-api`,
        measured: `${formatSigned(ts)} ms vs ${formatSigned(api)} ms`,
        met: ts < api,
      },
    );
  }
  return {
    id: 'cold-start',
    title: 'Cold start',
    groups: [group],
    checks,
    notes: [
      "The cost of loading a package is its median minus the bare `node -e ''` median; each run is a separate `node -e` process without the benchmark's TypeScript loader, the variants taking turns.",
    ],
  };
}
