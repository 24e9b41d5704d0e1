/**
 * The seeded randomness of the generators (the population, the fuzzer): same seed, same numbers on
 * every machine, so a generated household or a fuzz input can be made again from its seed alone.
 */

/** mulberry32: a small, fast, well-distributed 32-bit PRNG; the seed makes runs repeatable. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
