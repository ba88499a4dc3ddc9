// Bursts of client datagrams over real loopback sockets: what the forwarder reads with one recvmmsg
// (native binding) must be answered exactly as node:dgram alone answers it, each reply to its own client.
import { udpBatch, type UdpBatchBinding } from '@kube-dns-tools/udp-batch';
import { epollOnly } from './scripted-upstream.js';
import dnsPacket from 'dns-packet';
import dgram from 'node:dgram';
import { afterEach, describe, expect, it } from 'vitest';
import { a, decode, query, reply } from './packets.js';
import { startForwarder, TestUpstream } from './loopback.js';

const running: { stop(): Promise<void> }[] = [];
afterEach(async () => {
  while (running.length) await running.pop()!.stop();
});

/** The real binding, with the size of every batch it read recorded. */
function observed(binding: UdpBatchBinding): { binding: UdpBatchBinding; batches: number[] } {
  const batches: number[] = [];
  return {
    batches,
    binding: {
      ...binding,
      recv: (fd, data, slot, lens, addrs) => {
        const n = binding.recv(fd, data, slot, lens, addrs);
        if (n > 0) batches.push(n);
        return n;
      },
    },
  };
}

const addressOf = (name: string): string => `192.0.2.${(name.length * 7 + name.charCodeAt(1)) % 250}`;
const answering = (q: Buffer): Buffer => {
  const name = decode(q).questions[0]!.name;
  return reply(q, { answers: [a(name, 300, addressOf(name))] });
};

interface Client {
  sock: dgram.Socket;
  replies: Buffer[];
}

/** Clients that, as a stub resolver does, take datagrams only from the server they ask (a parallel test's stray packet may reach a reused port). */
async function clients(n: number, family: 4 | 6, serverPort: number): Promise<Client[]> {
  const out: Client[] = [];
  for (let i = 0; i < n; i++) {
    const sock = dgram.createSocket(family === 6 ? 'udp6' : 'udp4');
    const c: Client = { sock, replies: [] };
    sock.on('message', (b, from) => {
      if (from.port === serverPort) c.replies.push(b);
    });
    await new Promise<void>((r) => sock.bind(0, family === 6 ? '::1' : '127.0.0.1', () => r()));
    running.push({ stop: () => new Promise<void>((r) => sock.close(() => r())) });
    out.push(c);
  }
  return out;
}

/** Sends every query in one tick, so they wait together in the forwarder's receive queue; resolves when all are answered. */
async function burst(port: number, host: string, group: Client[], names: string[], timeoutMs = 3000): Promise<void> {
  let id = 1;
  for (const name of names) for (const c of group) c.sock.send(query(name, 'A', { id: id++ }), port, host);
  const expected = names.length;
  const deadline = Date.now() + timeoutMs;
  while (group.some((c) => c.replies.length < expected) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
}

function checkReplies(group: Client[], names: string[]): void {
  group.forEach((c, k) => {
    expect(c.replies).toHaveLength(names.length);
    const byId = new Map(c.replies.map((b) => [b.readUInt16BE(0), b]));
    names.forEach((name, i) => {
      const id = i * group.length + k + 1;
      const r = byId.get(id);
      expect(r, `client ${k}, id ${id}`).toBeDefined();
      const d = decode(r!);
      expect(d.questions[0]!.name).toBe(name);
      expect(d.answers[0]!.data).toBe(addressOf(name));
    });
  });
}

/** A query padded past the native slot size (EDNS padding option, RFC 7830). */
function paddedQuery(name: string, id: number, padding: number): Buffer {
  return dnsPacket.encode({
    type: 'query',
    id,
    flags: dnsPacket.RECURSION_DESIRED,
    questions: [{ name, type: 'A', class: 'IN' }],
    additionals: [{ type: 'OPT', name: '.', udpPayloadSize: 4096, flags: 0, options: [{ code: 12, data: Buffer.alloc(padding) }] } as dnsPacket.Answer],
  });
}

/** Forty addresses: a reply longer than the native slot size. */
const manyAddresses = (q: Buffer): Buffer => {
  const name = decode(q).questions[0]!.name;
  return reply(q, { answers: Array.from({ length: 40 }, (_, i) => a(name, 300, `198.51.100.${i + 1}`)) });
};

const modes = [
  ['recvmmsg/sendmmsg, forwards through io_uring', udpBatch],
  ['recvmmsg/sendmmsg, forwards through epoll', epollOnly(udpBatch)],
  ['node:dgram only', null],
] as const;

describe.each(modes)('bursts of client datagrams (%s)', (_mode, binding) => {
  it.skipIf(binding === undefined)('answers cache hits and misses in a burst, each to its own client and ID', async () => {
    const up = await new TestUpstream(answering).start();
    running.push(up);
    const seen = binding ? observed(binding) : undefined;
    const { fwd, port } = await startForwarder(
      { defaultServers: [{ address: '127.0.0.1', port: up.port, family: 4 }], log: { queries: false, extra: false, facility: '-' } },
      undefined,
      { udpBatch: seen ? seen.binding : null },
    );
    running.push(fwd);
    const group = await clients(3, 4, port);
    const names = Array.from({ length: 40 }, (_, i) => `host${i}.batch.example`);
    await burst(port, '127.0.0.1', group, names); // misses: forwarded, merged, answered from upstream replies
    checkReplies(group, names);
    for (const c of group) c.replies.length = 0;
    const forwardsBefore = up.received.length;
    await burst(port, '127.0.0.1', group, names); // hits
    checkReplies(group, names);
    expect(up.received.length).toBe(forwardsBefore);
    if (seen) expect(Math.max(...seen.batches)).toBeGreaterThan(1);
  });

  it.skipIf(binding === undefined)('serves IPv6 clients and logs their address as dnsmasq does', async () => {
    const up = await new TestUpstream(answering).start();
    running.push(up);
    const seen = binding ? observed(binding) : undefined;
    const { fwd, port, lines } = await startForwarder(
      { listen: ['::1'], defaultServers: [{ address: '127.0.0.1', port: up.port, family: 4 }] },
      undefined,
      { udpBatch: seen ? seen.binding : null },
    );
    running.push(fwd);
    const group = await clients(2, 6, port);
    const names = Array.from({ length: 30 }, (_, i) => `v6-${i}.batch.example`);
    await burst(port, '::1', group, names);
    checkReplies(group, names);
    expect(lines.filter((l) => l.startsWith('query[A] ')).every((l) => l.endsWith(' from ::1'))).toBe(true);
    if (seen) expect(Math.max(...seen.batches)).toBeGreaterThan(1);
  });

  it.skipIf(binding === undefined)('handles queries and replies longer than a batch slot inside a burst', async () => {
    const up = await new TestUpstream(manyAddresses).start();
    running.push(up);
    const { fwd, port } = await startForwarder(
      { defaultServers: [{ address: '127.0.0.1', port: up.port, family: 4 }], log: { queries: false, extra: false, facility: '-' } },
      undefined,
      { udpBatch: binding },
    );
    running.push(fwd);
    const [client] = await clients(1, 4, port);
    // Three names of forty records each: they fit the default cache (150 records), so the second round is all hits.
    for (let round = 0; round < 2; round++) {
      client!.replies.length = 0;
      for (let i = 0; i < 30; i++) client!.sock.send(paddedQuery(`big${i % 3}.batch.example`, i + 1, i % 2 === 0 ? 1200 : 20), port, '127.0.0.1');
      const deadline = Date.now() + 3000;
      while (client!.replies.length < 30 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      expect(client!.replies).toHaveLength(30);
      for (const r of client!.replies) {
        const d = decode(r);
        expect(d.questions[0]!.name).toBe(`big${(r.readUInt16BE(0) - 1) % 3}.batch.example`);
        expect(d.answers).toHaveLength(40);
        // Answers from the cache echo EDNS: the OPT record sits past the slot in the padded queries.
        if (round === 1) expect(dnsPacket.decode(r).additionals?.some((x) => x.type === 'OPT')).toBe(true);
      }
    }
  });
});
