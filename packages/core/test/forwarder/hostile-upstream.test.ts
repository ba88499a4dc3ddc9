// One forward per question whatever the timing (CVE-2020-25686), and what clients get when the upstream's
// reply is too long, unreadable or longer than the client takes, or when its TCP service is missing (issue 16).
// Real loopback sockets; the forwarder's clock is a manual one where the test needs seconds to pass.
import { udpBatch } from '@kube-dns-tools/udp-batch';
import dnsPacket from 'dns-packet';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/dns/clock.js';
import { askUdp, sleep, startForwarder } from './loopback.js';
import { a, query, reply } from './packets.js';
import { epollOnly, openFds, ringRefused, ringWorks, ScriptedUpstream, udpPortsBound, type Script } from './scripted-upstream.js';
import { tcpAskAndClose } from './tcp-ask.js';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

const quiet = { queries: false, extra: false, facility: '-' } as const;

async function setUp(script: Script, binding: typeof udpBatch | null, clock?: ManualClock, partial: Record<string, unknown> = {}) {
  const up = await new ScriptedUpstream(script).start();
  cleanup.push(() => up.stop());
  const started = await startForwarder({ defaultServers: [{ address: '127.0.0.1', port: up.port, family: 4 }], log: quiet, ...partial }, clock, { udpBatch: binding });
  cleanup.push(() => started.fwd.stop());
  return { up, ...started };
}

const nameOf = (q: Buffer): string => dnsPacket.decode(q).questions![0]!.name;
const rcodeOf = (b: Buffer): number => b.readUInt16BE(2) & 0xf;
/** A reply of exactly `bytes` bytes: 60 addresses and a TXT record (strings of up to 200 bytes) that makes up the rest. */
function sized(q: Buffer, bytes: number): Buffer {
  const name = nameOf(q);
  const make = (k: number) => reply(q, { answers: [...many(name, 60), txt(name, k)] });
  for (let k = Math.max(1, bytes - make(1).length - Math.ceil(bytes / 200)); k < bytes; k++) {
    const r = make(k);
    if (r.length === bytes) return r;
    if (r.length > bytes) break;
  }
  throw new Error(`sized: no reply of ${bytes} bytes`);
}
const txt = (name: string, n: number) =>
  ({ name, type: 'TXT', ttl: 300, class: 'IN', data: Array.from({ length: Math.ceil(n / 200) }, (_, i) => 'x'.repeat(Math.min(200, n - i * 200))) }) as dnsPacket.Answer;
const many = (name: string, n: number) => Array.from({ length: n }, (_, i) => a(name, 300, `198.51.${i >> 8}.${i & 255}`));

function ednsQuery(name: string, size: number, id = 7): Buffer {
  return dnsPacket.encode({
    type: 'query', id, flags: dnsPacket.RECURSION_DESIRED, questions: [{ name, type: 'A', class: 'IN' }],
    additionals: [{ type: 'OPT', name: '.', udpPayloadSize: size, flags: 0 } as dnsPacket.Answer],
  });
}

const modes = [
  ['native io_uring', udpBatch],
  ['native epoll reader', epollOnly(udpBatch)],
  ['native, io_uring refused (EPERM)', ringRefused(udpBatch)],
  ['node:dgram only', null],
] as const;

describe.each(modes)('a hostile or broken upstream (%s)', (mode, binding) => {
  it.skipIf(binding === undefined)('keeps one forward open for one question asked by 8 clients 2.1 s apart', async () => {
    const clock = new ManualClock();
    let answer = false;
    const { up, port } = await setUp((q, from, send) => {
      if (answer) send(reply(q, { answers: [a(nameOf(q), 300, '192.0.2.8')] }), from);
    }, binding, clock);
    const asked: Promise<Buffer | null>[] = [];
    for (let i = 0; i < 8; i++) {
      asked.push(askUdp(port, query('same.cve.example', 'A', { id: 100 + i }), 5000));
      await sleep(30);
      clock.advance(2_100);
    }
    expect(up.seen.length).toBeGreaterThanOrEqual(1);
    // Every query that left is the same forward: one ID, one source port.
    expect(new Set(up.seen.map((s) => s.buf.readUInt16BE(0))).size).toBe(1);
    expect(new Set(up.seen.map((s) => s.port)).size).toBe(1);
    answer = true;
    void askUdp(port, query('same.cve.example', 'A', { id: 200 }), 500);
    const replies = await Promise.all(asked);
    expect(replies.map((r) => r && r.readUInt16BE(0))).toEqual([100, 101, 102, 103, 104, 105, 106, 107]);
    expect(replies.every((r) => r !== null && (dnsPacket.decode(r).answers?.[0] as { data?: unknown } | undefined)?.data === '192.0.2.8')).toBe(true);
  }, 20_000);

  it.skipIf(binding === undefined)('closes the socket of a forward unanswered for 10 s, and re-sends from a new port when asked again', async () => {
    const clock = new ManualClock();
    const { up, port } = await setUp(() => undefined, binding, clock);
    void askUdp(port, query('silent.age.example', 'A', { id: 1 }), 5000);
    for (let i = 0; i < 50 && up.seen.length < 1; i++) await sleep(20);
    await sleep(50);
    const during = openFds();
    const used = [up.seen[0]!.port];
    expect(udpPortsBound(used)).toBe(1);
    // A descriptor on the epoll and node:dgram paths; the io_uring path's sockets are none.
    const ring = mode === 'native io_uring' && ringWorks(binding);
    clock.advance(10_000);
    // the sweep runs every second
    for (let i = 0; i < 60 && (udpPortsBound(used) > 0 || (!ring && openFds() >= during)); i++) await sleep(50);
    expect(udpPortsBound(used)).toBe(0);
    // At most: a client socket of an earlier test (its askUdp waits 5 s) may close meanwhile too.
    expect(openFds()).toBeLessThanOrEqual(ring ? during : during - 1);
    void askUdp(port, query('silent.age.example', 'A', { id: 2 }), 5000);
    for (let i = 0; i < 50 && up.seen.length < 2; i++) await sleep(20);
    expect(up.seen).toHaveLength(2);
    expect(up.seen[1]!.buf.readUInt16BE(0)).toBe(up.seen[0]!.buf.readUInt16BE(0));
    expect(up.seen[1]!.port).not.toBe(up.seen[0]!.port);
  });

  it.skipIf(binding === undefined)('answers SERVFAIL at once to a reply longer than 4,096 bytes', async () => {
    const { port } = await setUp((q, from, send) => send(reply(q, { answers: many(nameOf(q), 300) }), from), binding);
    const t0 = Date.now();
    const r = await askUdp(port, ednsQuery('huge.size.example', 4096), 2000);
    expect(r).not.toBeNull();
    expect(rcodeOf(r!)).toBe(2);
    expect(r!.readUInt16BE(0)).toBe(7);
    expect(Date.now() - t0).toBeLessThan(1000);
  });

  it.skipIf(binding === undefined)('reads replies up to --edns-packet-max + 1,035 bytes, as dnsmasq, and answers SERVFAIL to longer ones', async () => {
    for (const [packetMax, limit] of [[1232, 2267], [4096, 5131]] as const) {
      const { port } = await setUp((q, from, send) => send(sized(q, Number(nameOf(q).split('.')[0]!.slice(1))), from), binding, undefined, { ednsPacketMax: packetMax });
      const fits = await askUdp(port, query(`s${limit}.size.example`, 'A', { id: 1 }), 2000);
      expect(fits!.length).toBeGreaterThanOrEqual(limit - 40);
      expect(rcodeOf(fits!)).toBe(0);
      expect(fits!.readUInt16BE(2) & 0x0200).toBe(0);
      const over = await askUdp(port, query(`s${limit + 1}.size.example`, 'A', { id: 2 }), 2000);
      expect(over && rcodeOf(over)).toBe(2);
    }
  });

  it.skipIf(binding === undefined)('answers SERVFAIL to a reply whose sections cannot be read', async () => {
    const { port } = await setUp((q, from, send) => {
      const r = reply(q, { answers: [a(nameOf(q), 300, '192.0.2.9')] });
      r.writeUInt16BE(3, 6); // three answers announced, one present
      send(r, from);
    }, binding);
    const r = await askUdp(port, query('lying.count.example', 'A', { id: 9 }), 2000);
    expect(r && rcodeOf(r)).toBe(2);
    expect(dnsPacket.decode(r!).answers).toEqual([]);
  });

  it.skipIf(binding === undefined)('passes a 2,076-byte reply whole to a client without EDNS, as dnsmasq does', async () => {
    const { port } = await setUp((q, from, send) => send(reply(q, { answers: many(nameOf(q), 60) }), from), binding);
    const plain = await askUdp(port, query('long.tc.example', 'A', { id: 11 }), 2000);
    expect(plain!.readUInt16BE(2) & 0x0200).toBe(0);
    expect(dnsPacket.decode(plain!).answers).toHaveLength(60);
  });
});

describe('a truncated UDP answer from an upstream without TCP service', () => {
  it('closes the connection of each TCP client at once, without an answer, as dnsmasq does', async () => {
    const { up, port } = await setUp((q, from, send) => send(reply(q, { tc: true }), from), udpBatch ?? null);
    // Nothing listens on the upstream's TCP port (a UDP-only server); checked, not assumed.
    const refused = await new Promise<boolean>((r) => net.connect({ host: '127.0.0.1', port: up.port }).on('error', () => r(true)).on('connect', function (this: net.Socket) { this.destroy(); r(false); }));
    expect(refused).toBe(true);
    const udp = await askUdp(port, query('tc.notcp.example', 'A', { id: 21 }), 2000);
    expect(udp!.readUInt16BE(2) & 0x0200).toBe(0x0200);
    const t0 = Date.now();
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => tcpAskAndClose(port, query(`tc${i}.notcp.example`, 'A', { id: 30 + i }))));
    expect(Date.now() - t0).toBeLessThan(2000);
    for (const r of results) expect(r).toEqual({ reply: null, closedByServer: true });
  });
});
