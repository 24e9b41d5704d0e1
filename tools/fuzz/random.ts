/**
 * The fuzzer's randomness: a small seeded generator. Each input gets its own stream, made from the
 * run's seed and the input's index, so that any one input can be made again from those two numbers
 * alone, without replaying the inputs before it.
 */
import { random } from '../../src/testing/random.js';

/** One round of a 32-bit integer hash (splitmix-style finaliser): nearby seeds give unrelated streams. */
function mix(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

export class Random {
  /** A number in [0, 1). */
  readonly next: () => number;

  constructor(seed: number, index: number) {
    this.next = random(mix(mix(seed >>> 0) ^ mix((index >>> 0) + 0x9e3779b9) ^ Math.floor(index / 2 ** 32)));
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('fuzz: pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }
}
