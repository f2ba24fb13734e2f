import { TerraClient } from 'terra-api';
import { Terra } from 'terra-ts';
import type { BenchConfig } from '../config.js';
import { credentialsOf } from '../contenders/credentials.js';
import { nodeHttpJson } from '../contenders/node-http.js';
import { rawFetchJson } from '../contenders/raw-fetch.js';
import { formatRatio } from '../harness/format.js';
import { type Contender, interleave } from '../harness/interleave.js';
import { runPool, runSequential } from '../harness/pool.js';
import {
  type Check,
  type Group,
  groupOf,
  microsEach,
  perSecond,
  rowOf,
  type SuiteResult,
} from '../harness/result.js';
import { startSandboxProcess } from '../servers/sandbox-client.js';

const BASELINE = 'fetch + res.json()';
const TERRA_TS = 'terra-ts listProviders()';
const TERRA_API = 'terra-api integrations.fetch()';
const NODE_HTTP = 'node:http keep-alive agent (reference)';

type Call = () => Promise<unknown>;

function providersOf(body: unknown, who: string): void {
  const providers = (body as { providers?: unknown }).providers;
  if (!Array.isArray(providers) || providers.length === 0)
    throw new Error(`${who}: no providers in the answer`);
}

/** 2,000 small calls (`GET /integrations`), in sequence and 32 at a time: requests per second. */
export async function smallCallsSuite(config: BenchConfig): Promise<SuiteResult> {
  const { calls, inFlight } = config.smallCalls;
  const sandbox = await startSandboxProcess({ seed: config.seed, users: 0 });
  const credentials = credentialsOf(sandbox);
  const raw = rawFetchJson(credentials);
  const terra = new Terra(credentials);
  const official = new TerraClient(credentials);
  const nodeHttp = nodeHttpJson(credentials);
  const oneCall: Record<string, Call> = {
    [BASELINE]: async () => providersOf(await raw('/integrations'), BASELINE),
    [TERRA_TS]: async () => providersOf((await terra.listProviders()).getParsedResponse(), TERRA_TS),
    [TERRA_API]: async () => providersOf(await official.integrations.fetch(), TERRA_API),
    [NODE_HTTP]: async () => providersOf(await nodeHttp.get('/integrations'), NODE_HTTP),
  };
  const groups: Group[] = [];
  const checks: Check[] = [];
  const limits: string[] = [];
  try {
    const modes = [
      {
        label: `${calls.toLocaleString('en-US')} sequential calls`,
        batch: (call: Call) => runSequential(calls, call),
      },
      {
        label: `${calls.toLocaleString('en-US')} calls, ${inFlight} in flight`,
        batch: (call: Call) => runPool(calls, inFlight, call),
      },
    ];
    for (const mode of modes) {
      const contenders: Contender[] = Object.entries(oneCall).map(([name, call]) => ({
        name,
        run: () => mode.batch(call),
      }));
      const cpu = new Map<string, number[]>();
      const durations = await interleave(contenders, config.smallCalls, cpu);
      const group = groupOf(
        `GET /integrations, ${mode.label}`,
        'req/s',
        BASELINE,
        perSecond(durations, calls),
      );
      const cpuGroup = groupOf(`client CPU per call, ${mode.label}`, 'µs', BASELINE, microsEach(cpu, calls));
      groups.push(group, cpuGroup);
      const ts = rowOf(group, TERRA_TS);
      const cpuRatio = rowOf(cpuGroup, TERRA_TS).ratio ?? Number.NaN;
      if ((ts.ratio ?? 0) < 0.9) {
        limits.push(
          `${mode.label}: the rate misses 0.9x while terra-ts spends ${formatRatio(cpuRatio)} raw fetch's CPU per call; ${cpuRatio <= 1.11 ? 'the gap is time spent waiting (server, scheduler, other work on the machine), not client CPU' : "the extra CPU is terra-ts's own"}.`,
        );
      }
      checks.push({
        target: `${mode.label}: at least 0.9x the requests per second of raw fetch`,
        measured: formatRatio(ts.ratio ?? Number.NaN),
        met: (ts.ratio ?? 0) >= 0.9,
      });
    }
  } finally {
    nodeHttp.close();
    await sandbox.close();
  }
  return {
    id: 'small-calls',
    title: 'Small calls',
    groups,
    checks,
    notes: [
      ...limits,
      'Every contender parses the JSON answer; terra-ts also builds its parsed response. The sandbox runs in a child process (the other core).',
      "CPU per call is this process's user + system time over the batch (all threads, the garbage collector included): it shows each client's own cost even when other work on the machine blurs the rates.",
      "The `node:http` row is a reference, not a target: it shows the part of a small call that is the cost of undici's `fetch` itself.",
    ],
  };
}
