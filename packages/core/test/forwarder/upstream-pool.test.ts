import { describe, expect, it } from 'vitest';
import { UpstreamPool } from '../../src/dns/upstream-pool.js';

const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 50));

describe('upstream socket pool', () => {
  it('replaces a socket with a fresh random port once it carried its share of forwards and is idle', async () => {
    const pool = new UpstreamPool(1, () => undefined, 2);
    await pool.open(4);
    try {
      const first = pool.portOf(0);
      expect(first).toBeGreaterThan(0);
      const a = pool.acquire(4);
      const b = pool.acquire(4);
      pool.release(a);
      expect(pool.portOf(0)).toBe(first);
      pool.release(b);
      expect(pool.acquire(4)).toBe(-1);
      await settle();
      expect(pool.portOf(0)).toBeGreaterThan(0);
      expect(pool.portOf(0)).not.toBe(first);
    } finally {
      await pool.close();
    }
  });

  it('has no IPv6 sockets unless opened', async () => {
    const pool = new UpstreamPool(2, () => undefined);
    await pool.open(4);
    try {
      expect(pool.acquire(6)).toBe(-1);
      expect(pool.acquire(4)).toBeGreaterThanOrEqual(0);
    } finally {
      await pool.close();
    }
  });
});
