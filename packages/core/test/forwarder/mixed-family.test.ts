// A server group that mixes IPv4 and IPv6 upstreams: each forward leaves from a socket of the server's family.
import dgram from 'node:dgram';
import { afterEach, describe, expect, it } from 'vitest';
import { a, decode, query, rcodeOf, reply } from './packets.js';
import { askUdp, startForwarder } from './loopback.js';

const running: { stop(): Promise<void> }[] = [];
afterEach(async () => {
  while (running.length) await running.pop()!.stop();
});

/** A UDP upstream on 127.0.0.1 or ::1 that answers SERVFAIL or an address, and counts what it got. */
async function upstream(family: 4 | 6, answer: 'servfail' | string): Promise<{ port: number; got: () => number }> {
  const sock = dgram.createSocket(family === 6 ? 'udp6' : 'udp4');
  let got = 0;
  sock.on('message', (q, rinfo) => {
    got++;
    const name = decode(q).questions[0]!.name;
    const out = answer === 'servfail' ? reply(q, { rcode: 'SERVFAIL' }) : reply(q, { answers: [a(name, 300, answer)] });
    sock.send(out, rinfo.port, rinfo.address);
  });
  await new Promise<void>((r) => sock.bind(0, family === 6 ? '::1' : '127.0.0.1', () => r()));
  running.push({ stop: () => new Promise<void>((r) => sock.close(() => r())) });
  return { port: sock.address().port, got: () => got };
}

describe('a server group of both address families', () => {
  it.each([
    ['IPv4 fails, IPv6 answers', 4, 6],
    ['IPv6 fails, IPv4 answers', 6, 4],
  ] as const)('--strict-order: %s', async (_what, first, second) => {
    const failing = await upstream(first, 'servfail');
    const good = await upstream(second, '192.0.2.44');
    const server = (family: 4 | 6, port: number) => ({ address: family === 6 ? '::1' : '127.0.0.1', port, family });
    const { fwd, port } = await startForwarder({
      defaultServers: [server(first, failing.port), server(second, good.port)],
      forwarding: { strictOrder: true, allServers: false, forwardMax: 150, fastRetry: undefined },
    });
    running.push(fwd);
    for (const name of ['one.mixed.example', 'two.mixed.example']) {
      const answer = await askUdp(port, query(name, 'A'));
      expect(rcodeOf(answer!)).toBe(0);
      expect(decode(answer!).answers[0]!.data).toBe('192.0.2.44');
    }
    expect(failing.got()).toBe(2);
    expect(good.got()).toBe(2);
  });
});
