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
 * Runs every contender once per round, taking turns, and returns each one's durations in milliseconds.
 * With `cpuMs`, each run's CPU time in this process (user + system, all threads) is recorded there too:
 * on a busy machine CPU time stays comparable when wall time does not.
 *
 * The order rotates each round so no contender always runs right after the same neighbour (and its
 * garbage); with `collectBetweenRuns`, one contender's heap is not billed to the next.
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
    for (let turn = 0; turn < contenders.length; turn++) {
      const contender = contenders[(round + turn) % contenders.length] as Contender;
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
