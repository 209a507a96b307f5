/**
 * A small seeded pseudo-random generator for reference data (`npm run seed`, the demo vault,
 * the benchmarks): the same seed gives the same sequence on every machine and every run, so a
 * seeded practice has the same content each time. Not for anything secret: keys, nonces and
 * record ids come from libsodium.
 */

/** Draws from one seeded sequence; every helper advances the same sequence. */
export type SeededRandom = {
  /** The next number in [0, 1). */
  next: () => number;
  /** A whole number from `min` to `max`, both included. */
  int: (min: number, max: number) => number;
  /** True with probability `chance` (0–1). */
  chance: (chance: number) => boolean;
  /** One item of a non-empty list. */
  pick: <T>(list: readonly T[]) => T;
  /** `min` to `max` items of a non-empty list, each drawn independently (repeats possible). */
  some: <T>(list: readonly T[], min: number, max: number) => T[];
  /** Up to `count` different items of a list, in the order drawn. */
  distinct: <T>(list: readonly T[], count: number) => T[];
  /** One value, drawn in proportion to its weight; weights must be positive. */
  weighted: <T>(weights: readonly (readonly [T, number])[]) => T;
  /** Shuffles `list` in place (Fisher–Yates) and returns it. */
  shuffle: <T>(list: T[]) => T[];
};

/**
 * The next numbers of mulberry32 from `seed` (a 32-bit integer; other numbers are truncated to
 * 32 bits): fast, with a period of 2^32, plenty for reference data.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seeded generator with the helpers reference data needs. */
export function seededRandom(seed: number): SeededRandom {
  const next = mulberry32(seed);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => {
    if (list.length === 0) throw new Error('Cannot pick from an empty list.');
    return list[Math.floor(next() * list.length)] as T;
  };
  return {
    next,
    int,
    chance: (chance) => next() < chance,
    pick,
    some: (list, min, max) => Array.from({ length: int(min, max) }, () => pick(list)),
    distinct: (list, count) => {
      const pool = [...list];
      const chosen: (typeof pool)[number][] = [];
      while (chosen.length < count && pool.length > 0)
        chosen.push(...pool.splice(Math.floor(next() * pool.length), 1));
      return chosen;
    },
    weighted: (weights) => {
      const last = weights.at(-1);
      if (!last) throw new Error('Cannot draw from no weights.');
      let roll = next() * weights.reduce((sum, [, weight]) => sum + weight, 0);
      for (const [value, weight] of weights) if ((roll -= weight) < 0) return value;
      return last[0];
    },
    shuffle: (list) => {
      for (let i = list.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [list[i], list[j]] = [list[j] as (typeof list)[number], list[i] as (typeof list)[number]];
      }
      return list;
    },
  };
}

/**
 * Splits `total` in proportion to `weights` by largest remainder: whole numbers that add up to
 * `total` exactly (ties go to the earlier weight).
 */
export function sharesOf(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) return weights.map(() => 0);
  const exact = weights.map((weight) => (total * weight) / sum);
  const result = exact.map(Math.floor);
  let left = total - result.reduce((a, b) => a + b, 0);
  const byRemainder = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (left-- <= 0) break;
    result[index] = (result[index] ?? 0) + 1;
  }
  return result;
}
