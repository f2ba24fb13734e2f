/** Sizes and round counts of every suite; `--quick` swaps in tiny ones so the test suite can run them all. */
export interface BenchConfig {
  readonly quick: boolean;
  readonly seed: number;
  readonly fetchParse: {
    readonly sizes: readonly { label: string; minBytes: number; warmup: number; rounds: number }[];
    readonly memoryRuns: number;
  };
  readonly smallCalls: {
    readonly calls: number;
    readonly inFlight: number;
    readonly warmup: number;
    readonly rounds: number;
  };
  readonly webhook: {
    readonly sizes: readonly { label: string; minBytes: number; opsPerRound: number }[];
    readonly warmup: number;
    readonly rounds: number;
  };
  readonly coldStart: { readonly rounds: number };
  readonly backfill: {
    readonly latencyMs: number;
    readonly months: number;
    readonly warmup: number;
    readonly rounds: number;
  };
  readonly store: {
    /** Months of history in the large-request workload (one delivery per month per type). */
    readonly months: number;
    /** Single-record deliveries in the live-update workload. */
    readonly singles: number;
    readonly inFlight: readonly number[];
    readonly warmup: number;
    readonly rounds: number;
    /** Days of every type the backfill fetches. */
    readonly backfillDays: number;
    /** Timed runs of each query per engine, and the batch a p99 is taken over. */
    readonly queryRuns: number;
    readonly queryBatch: number;
    /** Only the PostgreSQL server's ingest (`--store-ingest-only`: quick iterations; never writes the report). */
    readonly ingestOnly: boolean;
  };
  readonly sandbox: {
    readonly requests: number;
    readonly inFlight: number;
    readonly rounds: number;
    readonly generationDays: number;
    readonly generationRounds: number;
  };
}

const MB = 1024 * 1024;

/** The full run behind BENCHMARKS.md (a few minutes on 2 cores). */
export const FULL: BenchConfig = {
  quick: false,
  seed: 2026,
  fetchParse: {
    sizes: [
      { label: '5 MB', minBytes: 5 * MB, warmup: 2, rounds: 9 },
      { label: '50 MB', minBytes: 50 * MB, warmup: 1, rounds: 5 },
    ],
    memoryRuns: 3,
  },
  smallCalls: { calls: 2000, inFlight: 32, warmup: 1, rounds: 5 },
  webhook: {
    sizes: [
      { label: '2 KB', minBytes: 2 * 1024, opsPerRound: 3000 },
      { label: '1 MB', minBytes: MB, opsPerRound: 30 },
    ],
    warmup: 1,
    rounds: 7,
  },
  coldStart: { rounds: 15 },
  backfill: { latencyMs: 50, months: 12, warmup: 1, rounds: 5 },
  store: {
    months: 12,
    singles: 200,
    inFlight: [1, 64],
    warmup: 1,
    rounds: 7,
    backfillDays: 365,
    queryRuns: 100,
    queryBatch: 25,
    ingestOnly: false,
  },
  sandbox: { requests: 2000, inFlight: 32, rounds: 5, generationDays: 365, generationRounds: 3 },
};

/** Tiny sizes: proves every suite still runs and yields numbers, in seconds. */
export const QUICK: BenchConfig = {
  quick: true,
  seed: 2026,
  fetchParse: {
    sizes: [
      { label: '20 KB', minBytes: 20 * 1024, warmup: 1, rounds: 2 },
      { label: '100 KB', minBytes: 100 * 1024, warmup: 1, rounds: 2 },
    ],
    memoryRuns: 1,
  },
  smallCalls: { calls: 40, inFlight: 8, warmup: 1, rounds: 2 },
  webhook: {
    sizes: [
      { label: '2 KB', minBytes: 2 * 1024, opsPerRound: 20 },
      { label: '64 KB', minBytes: 64 * 1024, opsPerRound: 5 },
    ],
    warmup: 1,
    rounds: 2,
  },
  coldStart: { rounds: 2 },
  backfill: { latencyMs: 5, months: 2, warmup: 0, rounds: 1 },
  store: {
    months: 2,
    singles: 8,
    inFlight: [1, 64],
    warmup: 0,
    rounds: 1,
    backfillDays: 30,
    queryRuns: 10,
    queryBatch: 5,
    ingestOnly: false,
  },
  sandbox: { requests: 50, inFlight: 8, rounds: 2, generationDays: 3, generationRounds: 1 },
};
