import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mulberry32, seededRandom, sharesOf } from './seeded-random';

describe('seeded random numbers', () => {
  it('gives the same sequence for the same seed, and a different one for another seed', () => {
    const take = (seed: number) => Array.from({ length: 5 }, mulberry32(seed));
    expect(take(20_261_201)).toEqual(take(20_261_201));
    expect(take(20_261_201)).not.toEqual(take(20_261_202));
  });

  it('keeps the known mulberry32 sequence, so seeded vaults stay the same across versions', () => {
    const next = mulberry32(1);
    expect([next(), next(), next()].map((value) => value.toFixed(10))).toEqual([
      '0.6270739406',
      '0.0027357212',
      '0.5274470400',
    ]);
  });

  it('draws numbers in [0, 1) that spread evenly', () => {
    const next = mulberry32(42);
    const buckets = Array.from({ length: 10 }, () => 0);
    for (let n = 0; n < 10_000; n++) {
      const value = next();
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
      buckets[Math.floor(value * 10)] = (buckets[Math.floor(value * 10)] ?? 0) + 1;
    }
    for (const count of buckets) expect(count).toBeGreaterThan(900);
  });

  it('draws whole numbers within the bounds, reaching both ends', () => {
    const random = seededRandom(7);
    const seen = new Set(Array.from({ length: 500 }, () => random.int(3, 6)));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it('picks only from the list, and refuses an empty one with a clear message', () => {
    const random = seededRandom(7);
    for (let n = 0; n < 50; n++) expect(['a', 'b']).toContain(random.pick(['a', 'b']));
    expect(() => random.pick([])).toThrow('Cannot pick from an empty list.');
  });

  it('chooses distinct items, no more than the list holds', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 0, max: 12 }), (seed, count) => {
        const chosen = seededRandom(seed).distinct([1, 2, 3, 4, 5, 6, 7], count);
        expect(chosen).toHaveLength(Math.min(count, 7));
        expect(new Set(chosen).size).toBe(chosen.length);
      }),
    );
  });

  it('draws each value about as often as its weight says', () => {
    const random = seededRandom(3);
    const draws = Array.from({ length: 4_000 }, () =>
      random.weighted([
        ['often', 3],
        ['rarely', 1],
      ] as const),
    );
    const often = draws.filter((draw) => draw === 'often').length;
    expect(often / draws.length).toBeGreaterThan(0.7);
    expect(often / draws.length).toBeLessThan(0.8);
  });

  it('shuffles into a reordering of the same items', () => {
    fc.assert(
      fc.property(fc.integer(), fc.array(fc.integer(), { maxLength: 30 }), (seed, list) => {
        const shuffled = seededRandom(seed).shuffle([...list]);
        expect([...shuffled].sort()).toEqual([...list].sort());
      }),
    );
  });
});

describe('shares of a total', () => {
  it('add up to the total exactly, in proportion to the weights', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.array(fc.double({ min: 0.01, max: 10, noNaN: true }), { minLength: 1, maxLength: 50 }),
        (total, weights) => {
          const shares = sharesOf(total, weights);
          expect(shares.reduce((a, b) => a + b, 0)).toBe(total);
          const sum = weights.reduce((a, b) => a + b, 0);
          shares.forEach((share, index) =>
            expect(Math.abs(share - (total * (weights[index] ?? 0)) / sum)).toBeLessThan(1),
          );
        },
      ),
    );
  });

  it('splits evenly when the weights are equal', () => {
    expect(sharesOf(10, [1, 1, 1])).toEqual([4, 3, 3]);
  });
});
