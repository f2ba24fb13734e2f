/**
 * Child process of the small-calls suite: terra-ts and the bare node:http keep-alive loop, and nothing else,
 * taking turns in one fresh process. Argument: JSON `{ calls, inFlight, warmup, rounds }`; the sandbox's
 * credentials come in `BENCH_CREDENTIALS` (JSON), out of the command line.
 * Prints JSON `{ [mode]: { durations, cpu } }` (milliseconds per contender per round).
 */
import { Terra } from 'terra-ts';
import type { Credentials } from '../contenders/credentials.js';
import { nodeHttpJson } from '../contenders/node-http.js';
import { interleave } from '../harness/interleave.js';
import { callModes } from '../suites/small-calls/call-modes.js';
import { PAIR_LOOP, PAIR_TERRA_TS } from '../suites/small-calls/pair-names.js';

interface PairInput {
  calls: number;
  inFlight: number;
  warmup: number;
  rounds: number;
}

const input = JSON.parse(process.argv[2] ?? '') as PairInput;
const credentials = JSON.parse(process.env.BENCH_CREDENTIALS ?? '') as Credentials;
const terra = new Terra(credentials);
const loop = nodeHttpJson(credentials);
const oneCall: Record<string, () => Promise<unknown>> = {
  [PAIR_TERRA_TS]: async () => (await terra.listProviders()).getParsedResponse(),
  [PAIR_LOOP]: () => loop.get('/integrations'),
};
const out: Record<string, { durations: Record<string, number[]>; cpu: Record<string, number[]> }> = {};
for (const { key, batch } of callModes(input.calls, input.inFlight)) {
  const cpu = new Map<string, number[]>();
  const contenders = Object.entries(oneCall).map(([name, call]) => ({ name, run: () => batch(call) }));
  const durations = await interleave(contenders, input, cpu);
  out[key] = { durations: Object.fromEntries(durations), cpu: Object.fromEntries(cpu) };
}
loop.close();
process.stdout.write(JSON.stringify(out));
