/** A numeric series: a typed array from a simulation or a plain array. */
export type Series = Float64Array | readonly number[];

/** Sum of a series. */
export function sum(values: Series): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i] ?? 0;
  return total;
}

/** Mean of a series (0 when empty). */
export function average(values: Series): number {
  return values.length === 0 ? 0 : sum(values) / values.length;
}

/** Largest value of a series (0 when empty). */
export function maxOf(values: Series): number {
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) if ((values[i] ?? max) > max) max = values[i] ?? max;
  return values.length === 0 ? 0 : max;
}

/** Smallest value of a series (0 when empty). */
export function minOf(values: Series): number {
  let min = Number.POSITIVE_INFINITY;
  for (let i = 0; i < values.length; i++) if ((values[i] ?? min) < min) min = values[i] ?? min;
  return values.length === 0 ? 0 : min;
}
