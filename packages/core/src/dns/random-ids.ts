/** Cryptographically random 16-bit values drawn from a refilled pool (one syscall per 4096 values). */
import { randomFillSync } from 'node:crypto';

const pool = new Uint16Array(4096);
let next = pool.length;

export function random16(): number {
  if (next === pool.length) {
    randomFillSync(pool);
    next = 0;
  }
  return pool[next++]!;
}

/** A random integer in [0, n) for small n. */
export function randomBelow(n: number): number {
  return random16() % n;
}
