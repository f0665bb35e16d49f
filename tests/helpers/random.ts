/** A seeded PRNG (mulberry32): the same seed gives the same sequence in [0, 1) on every run. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Seeded choices over one PRNG. */
export interface Dice {
  /** an integer in [0, n) */
  int: (n: number) => number;
  pick: <T>(items: readonly T[]) => T;
  /** true with probability p */
  chance: (p: number) => boolean;
}

/** Dice over `mulberry32(seed)`. */
export function dice(seed: number): Dice {
  const next = mulberry32(seed);
  const int = (n: number) => Math.floor(next() * n);
  return {
    int,
    pick: <T>(items: readonly T[]) => items[int(items.length)] as T,
    chance: (p) => next() < p,
  };
}
