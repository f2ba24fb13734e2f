import { describe, expect, it } from 'vitest';
import { createRandom } from '../../src/generators/index.js';

const draw = (seed: number, ...keys: string[]) => {
  const rng = createRandom(seed, ...keys);
  return Array.from({ length: 8 }, () => rng.next());
};

describe('createRandom', () => {
  it('gives the same sequence for the same seed and keys', () => {
    expect(draw(1, 'user', '2026-03-01', 'sleep')).toEqual(draw(1, 'user', '2026-03-01', 'sleep'));
  });

  it('gives unrelated sequences when the seed or any key changes', () => {
    const base = draw(1, 'user', '2026-03-01', 'sleep');
    expect(draw(2, 'user', '2026-03-01', 'sleep')).not.toEqual(base);
    expect(draw(1, 'user', '2026-03-02', 'sleep')).not.toEqual(base);
    expect(draw(1, 'user', '2026-03-01', 'daily')).not.toEqual(base);
    // Key boundaries matter: ('ab', 'c') is not ('a', 'bc').
    expect(draw(1, 'ab', 'c')).not.toEqual(draw(1, 'a', 'bc'));
  });

  it('draws floats in [0, 1) spread evenly and integers within inclusive bounds', () => {
    const rng = createRandom(7, 'spread');
    const buckets = new Array(10).fill(0);
    let outside = 0;
    for (let i = 0; i < 20_000; i++) {
      const x = rng.next();
      if (x < 0 || x >= 1) outside++;
      else buckets[Math.floor(x * 10)]++;
    }
    expect(outside).toBe(0);
    expect(Math.min(...buckets)).toBeGreaterThan(1_700);
    const seen = new Set<number>();
    for (let i = 0; i < 1_000; i++) seen.add(rng.int(3, 6));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it('rejects a seed that is not a finite number with a message naming it', () => {
    expect(() => createRandom(Number.NaN, 'x')).toThrow(/seed must be a finite number/);
  });
});
