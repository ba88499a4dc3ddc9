import { udpBatch } from '@kube-dns-tools/udp-batch';
import dgram from 'node:dgram';
import { describe, expect, it } from 'vitest';
import { BatchSlots } from '../../src/dns/batch-receiver.js';
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

  it.skipIf(!udpBatch)('reads replies natively, on fresh sockets after rotation too, with the sender and the socket index', async () => {
    const got: { index: number; text: string; port: number }[] = [];
    let nativeReads = 0;
    const binding = { ...udpBatch!, recv: (...args: Parameters<NonNullable<typeof udpBatch>["recv"]>) => (nativeReads++, udpBatch!.recv(...args)) };
    const pool = new UpstreamPool(1, (index, buf, _address, port) => got.push({ index, text: buf.toString(), port }), 1, new BatchSlots(binding));
    const peer = dgram.createSocket('udp4');
    await new Promise<void>((r) => peer.bind(0, '127.0.0.1', () => r()));
    await pool.open(4);
    try {
      const until = async (n: number): Promise<void> => {
        for (let i = 0; i < 100 && got.length < n; i++) await settle();
      };
      const first = pool.portOf(0)!;
      peer.send('one', first, '127.0.0.1');
      await until(1);
      pool.release(pool.acquire(4));
      await settle();
      const second = pool.portOf(0)!;
      expect(second).not.toBe(first);
      peer.send('two', second, '127.0.0.1');
      peer.send('late', first, '127.0.0.1');
      await until(2);
      await settle();
      expect(got).toEqual([
        { index: 0, text: 'one', port: peer.address().port },
        { index: 0, text: 'two', port: peer.address().port },
      ]);
      expect(nativeReads).toBeGreaterThanOrEqual(2);
    } finally {
      peer.close();
      await pool.close();
    }
  });
});
