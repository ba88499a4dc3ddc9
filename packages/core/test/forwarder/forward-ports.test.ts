// Cache poisoning (issue 16): every forward leaves from its own fresh random port, closed when the forward is
// over, so ports an attacker learns from its own queries say nothing about a victim's. Real loopback sockets,
// with the native io_uring path, the native epoll reader and node:dgram alone; dnsmasq as the oracle for the
// spread when installed.
import { udpBatch } from '@kube-dns-tools/udp-batch';
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { startTarget } from '../faults/target-server.js';
import { askUdp, sleep, startForwarder } from './loopback.js';
import { a, query, reply } from './packets.js';
import { epollOnly, openFds, ScriptedUpstream, udpPortsBound } from './scripted-upstream.js';
import dnsPacket from 'dns-packet';

const DNSMASQ = process.env.DNSMASQ_BIN ?? '/usr/sbin/dnsmasq';
const REAL = '192.0.2.1';
const POISON = '203.0.113.66';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

const answering = (q: Buffer, port: number, send: (out: Buffer, toPort: number) => void): void => {
  const name = dnsPacket.decode(q).questions![0]!.name;
  send(reply(q, { answers: [a(name, 300, REAL)] }), port);
};

async function upstream(script = answering): Promise<ScriptedUpstream> {
  const up = await new ScriptedUpstream(script).start();
  cleanup.push(() => up.stop());
  return up;
}

/** Asks `names` through the server on `port`, `parallel` at a time; the answers. */
async function askAll(port: number, names: string[], parallel = 50): Promise<(Buffer | null)[]> {
  const out: (Buffer | null)[] = [];
  for (let i = 0; i < names.length; i += parallel) {
    out.push(...(await Promise.all(names.slice(i, i + parallel).map((n, k) => askUdp(port, query(n, 'A', { id: i + k }), 2000)))));
  }
  return out;
}

const firstAddress = (b: Buffer | null): string | undefined => (b ? ((dnsPacket.decode(b).answers?.[0] as { data?: unknown } | undefined)?.data as string | undefined) : undefined);

const modes = [
  ['native io_uring', udpBatch],
  ['native epoll reader', epollOnly(udpBatch)],
  ['node:dgram only', null],
] as const;

describe.each(modes)('forward source ports (%s)', (_mode, binding) => {
  it.skipIf(binding === undefined)('spreads 1,000 forwards over nearly 1,000 ports and closes each socket after its reply', async () => {
    const up = await upstream();
    const { fwd, port } = await startForwarder({ defaultServers: [{ address: '127.0.0.1', port: up.port, family: 4 }], log: { queries: false, extra: false, facility: '-' } }, undefined, { udpBatch: binding });
    cleanup.push(() => fwd.stop());
    const fdsBefore = openFds();
    const names = Array.from({ length: 1000 }, (_, i) => `n${i}.spread.example`);
    const answers = await askAll(port, names);
    expect(answers.filter((b) => firstAddress(b) === REAL)).toHaveLength(1000);
    const ports = new Set(up.seen.map((s) => s.port));
    expect(up.seen).toHaveLength(1000);
    // dnsmasq: 985 distinct of 1,000 (issue 16); random ports from the kernel's
    // ephemeral range (28,232 by default; dnsmasq without --min-port uses it too) repeat about 18 times in 1,000 draws.
    expect(ports.size).toBeGreaterThanOrEqual(960);
    await sleep(50);
    expect(openFds()).toBeLessThanOrEqual(fdsBefore);
    // The kernel's own list: no socket is left on any port a forward used (io_uring's sockets are no descriptors).
    for (let i = 0; i < 20 && udpPortsBound([...ports]) > 0; i++) await sleep(50);
    expect(udpPortsBound([...ports])).toBe(0);
  }, 60_000);

  it.skipIf(binding === undefined)('keeps every forward inside --min-port/--max-port, at random within it (dnsmasq 2.90, measured)', async () => {
    const up = await upstream();
    const min = 40_000 + Math.floor(Math.random() * 10_000);
    const max = min + 63;
    const { fwd, port } = await startForwarder({ defaultServers: [{ address: '127.0.0.1', port: up.port, family: 4 }], sourcePorts: { min, max }, log: { queries: false, extra: false, facility: '-' } }, undefined, { udpBatch: binding });
    cleanup.push(() => fwd.stop());
    const answers = await askAll(port, Array.from({ length: 200 }, (_, i) => `n${i}.range.example`), 8);
    expect(answers.filter((b) => firstAddress(b) === REAL)).toHaveLength(200);
    const ports = up.seen.map((s) => s.port);
    expect(ports).toHaveLength(200);
    expect(ports.every((p) => p >= min && p <= max)).toBe(true);
    // 200 draws from 64 ports: nearly all of them come up (a counter would too, but not in this order).
    expect(new Set(ports).size).toBeGreaterThanOrEqual(50);
    expect(ports.slice(1).filter((p, i) => p === ports[i]! + 1).length).toBeLessThan(40);
  }, 60_000);

  it.skipIf(binding === undefined)('gives the ports an attacker learned from its own queries to (almost) no victim query', async () => {
    const up = await upstream();
    const { fwd, port } = await startForwarder({ defaultServers: [{ address: '127.0.0.1', port: up.port, family: 4 }], log: { queries: false, extra: false, facility: '-' } }, undefined, { udpBatch: binding });
    cleanup.push(() => fwd.stop());
    await askAll(port, Array.from({ length: 300 }, (_, i) => `learn${i}.attacker.example`));
    const learned = new Set(up.seen.map((s) => s.port));
    up.seen.length = 0;
    await askAll(port, Array.from({ length: 1000 }, (_, i) => `v${i}.victim.example`));
    const reused = up.seen.filter((s) => learned.has(s.port)).length;
    // With 300 learned ports of 28,232, about 1% of victim forwards reuse one by chance (dnsmasq: 1%).
    expect(reused).toBeLessThanOrEqual(30);
  }, 60_000);

  it.skipIf(binding === undefined)('is not poisoned by forged replies with the right ID, question and source sent to learned ports', async () => {
    let learned: number[] = [];
    let forged = 0;
    const up = await upstream((q, from, send) => {
      const name = dnsPacket.decode(q).questions![0]!.name;
      if (!name.endsWith('victim.example')) return send(reply(q, { answers: [a(name, 300, REAL)] }), from);
      // The spoofer knows the ID (the strongest case) but not the port: it sprays every port it learned,
      // before the real answer, which follows 20 ms later.
      const poison = reply(q, { answers: [a(name, 86400, POISON)] });
      for (const p of learned) send(poison, p);
      forged += learned.length;
      setTimeout(() => send(reply(q, { answers: [a(name, 300, REAL)] }), from), 20);
    });
    const { fwd, port } = await startForwarder({ defaultServers: [{ address: '127.0.0.1', port: up.port, family: 4 }], log: { queries: false, extra: false, facility: '-' } }, undefined, { udpBatch: binding });
    cleanup.push(() => fwd.stop());
    await askAll(port, Array.from({ length: 300 }, (_, i) => `learn${i}.attacker.example`));
    learned = [...new Set(up.seen.map((s) => s.port))];
    const victims = Array.from({ length: 20 }, (_, i) => `v${i}.victim.example`);
    const first = await askAll(port, victims, 1);
    // Asked again, from the cache: a poisoned entry would be served for a day.
    const cached = await askAll(port, victims, 1);
    expect(forged).toBeGreaterThanOrEqual(20 * 250);
    // A victim port is among ~300 learned of 28,232 by chance about 1% of the time (then the spoofer wins, as
    // against dnsmasq); with a pool of reused sockets it always was, and all 20 were poisoned. Of 20 victims, 3 are
    // poisoned by chance about once in 800 runs (it happened in CI), 6 or more about once in 20 million.
    const poisoned = victims.filter((_v, i) => firstAddress(first[i]!) !== REAL || firstAddress(cached[i]!) !== REAL);
    expect(poisoned.length).toBeLessThanOrEqual(5);
    expect([...first, ...cached].every((b) => b !== null)).toBe(true);
  }, 60_000);
});

describe.skipIf(!existsSync(DNSMASQ))('forward source ports against dnsmasq 2.90 (oracle)', () => {
  it('spreads forwards at least about as widely as dnsmasq', async () => {
    const spread = async (serve: (upPort: number) => Promise<number>): Promise<number> => {
      const up = await upstream();
      const port = await serve(up.port);
      await askAll(port, Array.from({ length: 1000 }, (_, i) => `o${i}.oracle.example`));
      return new Set(up.seen.map((s) => s.port)).size;
    };
    const theirs = await spread(async (upPort) => {
      const t = await startTarget(DNSMASQ, upPort, ['--cache-size=0']);
      cleanup.push(() => t.stop());
      return t.port;
    });
    const ours = await spread(async (upPort) => {
      const { fwd, port } = await startForwarder({ defaultServers: [{ address: '127.0.0.1', port: upPort, family: 4 }], log: { queries: false, extra: false, facility: '-' } });
      cleanup.push(() => fwd.stop());
      return port;
    });
    expect(theirs).toBeGreaterThanOrEqual(900);
    expect(ours).toBeGreaterThanOrEqual(theirs - 25);
  }, 60_000);
});
