// The hostile-upstream cases of hostile-upstream.test.ts, asked of dnsmasq 2.90 itself when it is installed:
// the behaviour our forwarder is held to is what dnsmasq does, checked here rather than assumed.
import dnsPacket from 'dns-packet';
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { startTarget } from '../faults/target-server.js';
import { askUdp, startForwarder } from './loopback.js';
import { a, query, reply } from './packets.js';
import { ScriptedUpstream, type Script } from './scripted-upstream.js';
import { tcpAskAndClose } from './tcp-ask.js';

const DNSMASQ = process.env.DNSMASQ_BIN ?? '/usr/sbin/dnsmasq';
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

const nameOf = (q: Buffer): string => dnsPacket.decode(q).questions![0]!.name;
const many = (name: string, n: number) => Array.from({ length: n }, (_, i) => a(name, 300, `198.51.${i >> 8}.${i & 255}`));

function ednsQuery(name: string, size: number, id: number): Buffer {
  return dnsPacket.encode({
    type: 'query', id, flags: dnsPacket.RECURSION_DESIRED, questions: [{ name, type: 'A', class: 'IN' }],
    additionals: [{ type: 'OPT', name: '.', udpPayloadSize: size, flags: 0 } as dnsPacket.Answer],
  });
}

/** What a client sees: rcode, TC, answer count, or 'timeout'; for TCP also whether the server hung up. */
type Seen = string;
const seen = (r: Buffer | null): Seen => (r ? `rcode=${r.readUInt16BE(2) & 0xf} tc=${(r.readUInt16BE(2) >> 9) & 1} an=${r.readUInt16BE(6)}` : 'timeout');

const cases: [string, Script, (port: number) => Promise<Seen>][] = [
  ['a reply longer than 4,096 bytes', (q, from, send) => send(reply(q, { answers: many(nameOf(q), 300) }), from), async (port) => seen(await askUdp(port, ednsQuery('huge.oracle.example', 4096, 1), 2500))],
  ['a reply announcing more answers than it holds', (q, from, send) => {
    const r = reply(q, { answers: [a(nameOf(q), 300, '192.0.2.9')] });
    r.writeUInt16BE(3, 6);
    send(r, from);
  }, async (port) => seen(await askUdp(port, query('lying.oracle.example', 'A', { id: 2 }), 2500))],
  ['a 1,400-byte reply to a client without EDNS', (q, from, send) => send(reply(q, { answers: many(nameOf(q), 60) }), from), async (port) => seen(await askUdp(port, query('long.oracle.example', 'A', { id: 3 }), 2500))],
  ['a 1,400-byte reply to a client taking 4,096', (q, from, send) => send(reply(q, { answers: many(nameOf(q), 60) }), from), async (port) => seen(await askUdp(port, ednsQuery('long4k.oracle.example', 4096, 4), 2500))],
  ['TC=1 over UDP and no TCP service, asked over TCP', (q, from, send) => send(reply(q, { tc: true }), from), async (port) => {
    const t0 = Date.now();
    const r = await tcpAskAndClose(port, query('tc.oracle.example', 'A', { id: 5 }));
    return `${seen(r.reply)} closed=${r.closedByServer} fast=${Date.now() - t0 < 1500}`;
  }],
];

describe.skipIf(!existsSync(DNSMASQ))('a hostile upstream: ours and dnsmasq 2.90 side by side', () => {
  it.each(cases)('%s', async (_what, script, ask) => {
    const up = await new ScriptedUpstream(script).start();
    cleanup.push(() => up.stop());
    const t = await startTarget(DNSMASQ, up.port);
    cleanup.push(() => t.stop());
    const { fwd, port } = await startForwarder({ defaultServers: [{ address: '127.0.0.1', port: up.port, family: 4 }], log: { queries: false, extra: false, facility: '-' } });
    cleanup.push(() => fwd.stop());
    const theirs = await ask(t.port);
    const ours = await ask(port);
    expect({ ours }).toEqual({ ours: theirs });
  }, 15_000);
});
