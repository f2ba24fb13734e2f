import { collectGarbage, timeOnce } from './clock.js';

/** One thing being measured: `run` does one unit of work (a call, a batch of calls). */
export interface Contender {
  readonly name: string;
  readonly run: () => unknown;
}

/** How many unmeasured and measured rounds to run. */
export interface RoundOptions {
  readonly warmup: number;
  readonly rounds: number;
  /**
   * Force a full collection before each run (needs --expose-gc). Right for big payloads, whose garbage
   * would otherwise be collected during the next contender's run; wrong for short batches of small
   * operations, which it would bill for regrowing the heap after every forced collection.
   */
  readonly collectBetweenRuns?: boolean;
}

/**
 * The order contenders take their turns in `round`: a fixed pseudo-random order of `0..count-1` (the same in
 * every run of the bench), so no contender always runs right after the same neighbour.
 */
export function turnOrder(count: number, round: number): number[] {
  const order = Array.from({ length: count }, (_, i) => i);
  let state = (round + 1) * 0x9e3779b1;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return order;
}

/**
 * Runs every contender once per round, taking turns, and returns each one's durations in milliseconds.
 * With `cpuMs`, each run's CPU time in this process (user + system, all threads) is recorded there too:
 * on a busy machine CPU time stays comparable when wall time does not.
 *
 * The order is shuffled each round (a fixed shuffle, so runs are comparable) so no contender always runs right
 * after the same neighbour and pays for its garbage or its effect on shared code: a rotation keeps the same
 * cyclic order, and with it the same predecessor in every round. With `collectBetweenRuns`, one contender's heap
 * is not billed to the next.
 */
export async function interleave(
  contenders: readonly Contender[],
  options: RoundOptions,
  cpuMs?: Map<string, number[]>,
): Promise<Map<string, number[]>> {
  const samples = new Map<string, number[]>(contenders.map((c) => [c.name, []]));
  for (const c of contenders) if (cpuMs && !cpuMs.has(c.name)) cpuMs.set(c.name, []);
  const total = options.warmup + options.rounds;
  for (let round = 0; round < total; round++) {
    for (const index of turnOrder(contenders.length, round)) {
      const contender = contenders[index] as Contender;
      if (options.collectBetweenRuns) collectGarbage();
      const cpuBefore = process.cpuUsage();
      const ms = await timeOnce(contender.run);
      const cpu = process.cpuUsage(cpuBefore);
      if (round < options.warmup) continue;
      samples.get(contender.name)?.push(ms);
      if (cpuMs)
        cpuMs.set(contender.name, [...(cpuMs.get(contender.name) ?? []), (cpu.user + cpu.system) / 1000]);
    }
  }
  return samples;
}
