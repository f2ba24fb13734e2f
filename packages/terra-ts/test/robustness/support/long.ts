/** True when the long variants run (`TERRA_LONG_TESTS=1`, set by `.ci/run`). */
export const LONG = process.env.TERRA_LONG_TESTS === '1';

/** The short count normally, the long one under `TERRA_LONG_TESTS=1`. */
export function scaled(short: number, long: number): number {
  return LONG ? long : short;
}
