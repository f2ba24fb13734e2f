import { type Summary, summarize } from './stats.js';

/** What a row's numbers count. Times and sizes: lower is better; rates: higher is better. */
export type Unit = 'ms' | 'µs' | 'req/s' | 'ops/s' | 'deliveries/s' | 'records/s' | 'KB' | 'MB' | 'files';

/** One contender's figures in one comparison. */
export interface Row extends Summary {
  readonly contender: string;
  readonly unit: Unit;
  /** This row's median over the baseline's median; absent on the baseline itself. */
  readonly ratio?: number;
  readonly isBaseline?: boolean;
}

/** One comparison: contenders measured the same way, one of them the baseline. */
export interface Group {
  readonly title: string;
  readonly unit: Unit;
  readonly baseline: string;
  readonly rows: readonly Row[];
}

/** A target from the issue and whether the measured figure meets it. */
export interface Check {
  readonly target: string;
  readonly measured: string;
  readonly met: boolean;
}

/** Everything one suite measured. */
export interface SuiteResult {
  readonly id: string;
  readonly title: string;
  readonly groups: readonly Group[];
  readonly checks: readonly Check[];
  readonly notes: readonly string[];
}

/** Builds a group from raw samples per contender (already in `unit`), with ratios to `baseline`. */
export function groupOf(title: string, unit: Unit, baseline: string, samples: Map<string, number[]>): Group {
  const base = samples.get(baseline);
  if (!base) throw new Error(`group "${title}": no samples for baseline "${baseline}"`);
  const baseMedian = summarize(base).median;
  const rows: Row[] = [];
  for (const [contender, values] of samples) {
    const summary = summarize(values);
    rows.push(
      contender === baseline
        ? { contender, unit, ...summary, isBaseline: true }
        : { contender, unit, ...summary, ratio: summary.median / baseMedian },
    );
  }
  // The baseline leads, whatever order the samples were collected in.
  rows.sort((a, b) => Number(b.isBaseline === true) - Number(a.isBaseline === true));
  return { title, unit, baseline, rows };
}

/** The row of `contender` in `group`; a missing row is a harness bug. */
export function rowOf(group: Group, contender: string): Row {
  const row = group.rows.find((r) => r.contender === contender);
  if (!row) throw new Error(`group "${group.title}" has no row "${contender}"`);
  return row;
}

/** Turns durations of batches of `count` operations into operations per second. */
export function perSecond(durationsMs: Map<string, number[]>, count: number): Map<string, number[]> {
  const rates = new Map<string, number[]>();
  for (const [name, values] of durationsMs)
    rates.set(
      name,
      values.map((ms) => (count * 1000) / ms),
    );
  return rates;
}

/** Turns CPU milliseconds per batch of `count` operations into CPU microseconds per operation. */
export function microsEach(cpuMs: Map<string, number[]>, count: number): Map<string, number[]> {
  const each = new Map<string, number[]>();
  for (const [name, values] of cpuMs)
    each.set(
      name,
      values.map((ms) => (ms * 1000) / count),
    );
  return each;
}
