// The fake upstream's hostile replies arrive as scripted: forgeries first and in order, then the genuine
// reply; garbage and cut-short replies keep the query's ID; it listens on ::1 too.
import dgram from 'node:dgram';
import * as dnsPacket from 'dns-packet';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeUpstream } from './fake-upstream.js';
import { normaliseLine } from './log-lines.js';
import type { UpstreamScript } from './scenario-format.js';

const ups: FakeUpstream[] = [];
afterEach(async () => {
  for (const u of ups.splice(0)) await u.stop();
});

/** Sends one A query with ID 0x1234 and collects every datagram that comes back within 300 ms. */
async function exchange(script: UpstreamScript, host = '127.0.0.1'): Promise<{ buf: Buffer; port: number }[]> {
  const up = await new FakeUpstream(script, host).start();
  ups.push(up);
  const sock = dgram.createSocket(host.includes(':') ? 'udp6' : 'udp4');
  const got: { buf: Buffer; port: number }[] = [];
  sock.on('message', (buf, rinfo) => got.push({ buf, port: rinfo.port }));
  await new Promise<void>((r) => sock.bind(0, host, () => r()));
  sock.send(dnsPacket.encode({ type: 'query', id: 0x1234, flags: dnsPacket.RECURSION_DESIRED, questions: [{ type: 'A', name: 'a.example', class: 'IN' }] }), up.port, host);
  await new Promise((r) => setTimeout(r, 300));
  await new Promise<void>((r) => sock.close(() => r()));
  return got.map((g) => ({ ...g, port: g.port === up.port ? 0 : g.port }));
}

describe('fake upstream hostile replies', () => {
  it('sends forgeries in order before the genuine reply, on ::1', async () => {
    const answers = [{ name: '{qname}', ttl: 60, data: '192.0.2.1' }];
    const got = await exchange({ default: { answers, forged: [{ id_xor: 0x5a5a, answers }, { question: { name: 'evil.example' } }, { wrong_port: true }, { no_question: true }] } }, '::1');
    expect(got).toHaveLength(5);
    const decoded = got.map((g) => dnsPacket.decode(g.buf));
    expect(decoded.map((d) => d.id)).toEqual([0x1234 ^ 0x5a5a, 0x1234, 0x1234, 0x1234, 0x1234]);
    expect(decoded[1]!.questions![0]!.name).toBe('evil.example');
    expect(got[2]!.port).not.toBe(0); // from the other socket
    expect(decoded[3]!.questions).toEqual([]);
    expect(decoded[4]!.answers![0]).toMatchObject({ name: 'a.example', data: '192.0.2.1' });
    expect(got.filter((g) => g.port === 0)).toHaveLength(4);
  });

  it('keeps the ID in garbage and cut-short replies', async () => {
    const [garbage] = await exchange({ default: { garbage: true } });
    expect(garbage!.buf.readUInt16BE(0)).toBe(0x1234);
    expect(() => dnsPacket.decode(garbage!.buf)).toThrow();
    const [cut] = await exchange({ default: { truncate_to: 12, answers: [{ name: '{qname}', data: '192.0.2.1' }] } });
    expect(cut!.buf).toHaveLength(12);
    expect(cut!.buf.readUInt16BE(0)).toBe(0x1234);
  });

  it('names a random upstream address and the resolv file in log lines', () => {
    expect(normaliseLine('using nameserver 127.54.3.9#53', { UP4: 53 }, { UP4_HOST: '127.54.3.9' })).toBe('using nameserver {UP4_HOST}#{UP4}');
    expect(normaliseLine('reading /tmp/kdt-resolv-x/resolv.conf', {}, { RESOLV: '/tmp/kdt-resolv-x/resolv.conf' })).toBe('reading {RESOLV}');
  });
});
