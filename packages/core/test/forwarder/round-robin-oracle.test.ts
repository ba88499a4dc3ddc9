// The order of a cached RRset on successive cache hits, side by side with dnsmasq 2.90 (the oracle) when it
// is installed: the same upstream, the same questions, the same orders.
import dnsPacket from 'dns-packet';
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { startTarget } from '../faults/target-server.js';
import { askTcp, askUdp, startForwarder, TestUpstream } from './loopback.js';
import { a, query, reply } from './packets.js';

const DNSMASQ = process.env.DNSMASQ_BIN ?? '/usr/sbin/dnsmasq';
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

/** Orders (last octets joined) of six answers in a row for a name with `n` addresses: the forward, then UDP hits. */
async function orders(port: number, n: number, firstOverTcp: boolean): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < 6; i++) {
    const q = query(`rr${n}.order.example`, 'A', { id: i });
    const r = i === 0 && firstOverTcp ? await askTcp(port, q, 2000) : await askUdp(port, q, 2000);
    out.push(r ? (dnsPacket.decode(r).answers ?? []).map((x) => String((x as { data: string }).data).split('.')[3]).join('') : 'timeout');
  }
  return out;
}

describe.skipIf(!existsSync(DNSMASQ))('round-robin of cached addresses against dnsmasq 2.90', () => {
  it.each([
    [2, false], [3, false], [4, false], [2, true], [3, true],
  ])('answers %i addresses in the same orders, hit after hit (first asked over TCP: %s)', async (n, firstOverTcp) => {
    const up = await new TestUpstream((q) => {
      const name = dnsPacket.decode(q).questions![0]!.name;
      return reply(q, { answers: Array.from({ length: n }, (_, i) => a(name, 300, `192.0.2.${i + 1}`)) });
    }).start();
    cleanup.push(() => up.stop());
    const t = await startTarget(DNSMASQ, up.port);
    cleanup.push(() => t.stop());
    const { fwd, port } = await startForwarder({ defaultServers: [{ address: '127.0.0.1', port: up.port, family: 4 }], log: { queries: false, extra: false, facility: '-' } });
    cleanup.push(() => fwd.stop());
    const theirs = await orders(t.port, n, firstOverTcp);
    expect(theirs).not.toContain('timeout');
    expect(await orders(port, n, firstOverTcp)).toEqual(theirs);
  });
});
