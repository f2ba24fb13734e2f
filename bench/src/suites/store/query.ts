// Query: a user's month of sleep (store.records by local day) and a year of steps per day (the
// terra_steps_per_day view through store.stepsPerDay), on the stores the backfill filled.
import type { TerraStore } from 'terra-store';
import type { BenchConfig } from '../../config.js';
import { timeOnce } from '../../harness/clock.js';
import { type Group, groupOf } from '../../harness/result.js';

const DAY = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

/** Times each query `runs` times per engine (after warm-up); a median group and a p99 group per query. */
export async function measureQueries(
  stores: ReadonlyArray<{ engine: string; store: TerraStore; userId: string }>,
  range: { from: string; to: string },
  config: BenchConfig['store'],
): Promise<{ groups: Group[]; notes: string[] }> {
  const monthFrom = day(Date.parse(range.to) - 30 * DAY);
  const monthTo = day(Date.parse(range.to) - DAY);
  const queries = [
    {
      title: `a user's month of sleep: store.records('sleep', userId, { from: '${monthFrom}', to: '${monthTo}', by: 'day' })`,
      run: (s: TerraStore, u: string) => s.records('sleep', u, { from: monthFrom, to: monthTo, by: 'day' }),
    },
    {
      title: `a year of steps per day: store.stepsPerDay(userId, '${range.from}', '${monthTo}')`,
      run: (s: TerraStore, u: string) => s.stepsPerDay(u, range.from, monthTo),
    },
  ];
  const groups: Group[] = [];
  const notes: string[] = [];
  for (const q of queries) {
    const latencies = new Map<string, number[]>();
    const p99 = new Map<string, number[]>();
    const sizes: string[] = [];
    for (const { engine, store, userId } of stores) {
      const rows = await q.run(store, userId);
      if (rows.length === 0) throw new Error(`${engine}: "${q.title}" returned nothing`);
      sizes.push(`${engine} ${rows.length} rows`);
      for (let i = 0; i < Math.min(10, config.queryRuns); i++) await q.run(store, userId);
      const samples: number[] = [];
      for (let i = 0; i < config.queryRuns; i++) samples.push(await timeOnce(() => q.run(store, userId)));
      latencies.set(engine, samples);
      // p99 of each batch of queryBatch queries, so the p99 row has a median, min and max too.
      const batches: number[] = [];
      for (let i = 0; i + config.queryBatch <= samples.length; i += config.queryBatch) {
        batches.push(
          percentile(
            [...samples.slice(i, i + config.queryBatch)].sort((a, b) => a - b),
            99,
          ),
        );
      }
      p99.set(engine, batches);
      const all = [...samples].sort((a, b) => a - b);
      notes.push(
        `${q.title.split(':')[0]} on ${engine}: p99 over all ${samples.length} queries ${percentile(all, 99).toFixed(2)} ms, median ${percentile(all, 50).toFixed(2)} ms.`,
      );
    }
    const baseline = stores[0]?.engine as string;
    groups.push(
      groupOf(`${q.title} (${sizes.join(', ')}): latency per query`, 'ms', baseline, latencies),
      groupOf(
        `${q.title.split(':')[0]}: p99 latency per batch of ${config.queryBatch} queries`,
        'ms',
        baseline,
        p99,
      ),
    );
  }
  return { groups, notes };
}
