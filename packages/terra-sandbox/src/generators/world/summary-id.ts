import type { Random } from './random.js';

/** A UUID-shaped (version 4 layout) identifier drawn from a seeded source, so it is stable across calls. */
export function summaryIdFrom(rng: Random): string {
  const variant = '89ab'[rng.int(0, 3)];
  return `${rng.hex(8)}-${rng.hex(4)}-4${rng.hex(3)}-${variant}${rng.hex(3)}-${rng.hex(12)}`;
}
