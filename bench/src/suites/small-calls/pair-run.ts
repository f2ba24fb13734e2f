import { fileURLToPath } from 'node:url';
import type { BenchConfig } from '../../config.js';
import type { Credentials } from '../../contenders/credentials.js';
import { runNode } from '../../harness/node-process.js';

const PAIR_CHILD = fileURLToPath(new URL('../../children/small-calls-pair.ts', import.meta.url));

/** Per mode (`sequential`, `inFlight`): each contender's batch durations and CPU, in milliseconds per round. */
export type PairResult = Record<
  'sequential' | 'inFlight',
  { durations: Map<string, number[]>; cpu: Map<string, number[]> }
>;

/**
 * Runs terra-ts and the bare node:http loop taking turns in a fresh child process with nothing else loaded:
 * the client's own cost against the floor, without the heap and the shared code paths of undici's `fetch`
 * and terra-api that the main comparison's process also holds.
 */
export async function runSmallCallsPair(config: BenchConfig, credentials: Credentials): Promise<PairResult> {
  const { calls, inFlight, warmup, rounds } = config.smallCalls;
  const input = JSON.stringify({ calls, inFlight, warmup, rounds });
  const { stdout } = await runNode(['--import', 'tsx', PAIR_CHILD, input], {
    BENCH_CREDENTIALS: JSON.stringify(credentials),
  });
  const parsed = JSON.parse(stdout) as Record<
    string,
    { durations: Record<string, number[]>; cpu: Record<string, number[]> }
  >;
  const mode = (name: 'sequential' | 'inFlight') => {
    const figures = parsed[name];
    if (figures === undefined) throw new Error(`small-calls pair: no ${name} figures from the child`);
    return {
      durations: new Map(Object.entries(figures.durations)),
      cpu: new Map(Object.entries(figures.cpu)),
    };
  };
  return { sequential: mode('sequential'), inFlight: mode('inFlight') };
}
