import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/dns/clock.js';
import type { Forwarder } from '../../src/dns/forwarder.js';
import { a, cname, decode, query, rcodeOf, reply, soa } from './packets.js';
import { askTcp, askUdp, sleep, startForwarder, TestUpstream } from './loopback.js';

const running: { stop(): Promise<void> }[] = [];
afterEach(async () => {
  while (running.length) await running.pop()!.stop();
});

async function upstream(answer: ConstructorParameters<typeof TestUpstream>[0]): Promise<TestUpstream> {
  const up = await new TestUpstream(answer).start();
  running.push(up);
  return up;
}

async function forwarder(partial: Parameters<typeof startForwarder>[0], clock?: ManualClock): Promise<{ fwd: Forwarder; port: number; lines: string[] }> {
  const f = await startForwarder(partial, clock);
  running.push(f.fwd);
  return f;
}

const server = (up: TestUpstream) => ({ address: '127.0.0.1', port: up.port, family: 4 as const });
const good = (q: Buffer): Buffer => {
  const name = decode(q).questions[0]!.name;
  return reply(q, { answers: [a(name, 300, '192.0.2.10')] });
};

describe('forwarder over loopback', () => {
  it('forwards a miss with a fresh random ID, then answers from the cache with the client ID', async () => {
    const up = await upstream(good);
    const { port, lines } = await forwarder({ defaultServers: [server(up)] });
    const first = await askUdp(port, query('www.example.com', 'A', { id: 1234 }));
    const second = await askUdp(port, query('www.example.com', 'A', { id: 4321 }));
    expect(decode(first!).answers[0]!.data).toBe('192.0.2.10');
    expect(second!.readUInt16BE(0)).toBe(4321);
    expect(decode(second!).answers[0]!.data).toBe('192.0.2.10');
    expect(up.received).toHaveLength(1);
    expect(up.received[0]!.buf.readUInt16BE(0)).not.toBe(1234);
    await sleep(20);
    expect(lines.slice(-5)).toEqual([
      'query[A] www.example.com from 127.0.0.1',
      `forwarded www.example.com to 127.0.0.1#${up.port}`,
      'reply www.example.com is 192.0.2.10',
      'query[A] www.example.com from 127.0.0.1',
      'cached www.example.com is 192.0.2.10',
    ]);
  });

  it('reuses in-flight records without leaking one query into the next (a short query after a long one)', async () => {
    const up = await upstream(good);
    const { port } = await forwarder({ defaultServers: [server(up)] });
    const long = `${'a'.repeat(60)}.${'b'.repeat(60)}.example.com`;
    const names = [long, 'x.example.com', `c${long}`, 'y.example.com'];
    for (const name of names) {
      const answer = await askUdp(port, query(name, 'A'));
      expect(decode(answer!).questions[0]!.name).toBe(name);
    }
    const sent = up.received.map((r) => r.buf);
    expect(sent.map((b) => decode(b).questions[0]!.name)).toEqual(names);
    expect(sent[1]!.length).toBe(query('x.example.com', 'A').length);
    expect(sent[3]!.length).toBe(query('y.example.com', 'A').length);
  });

  it('decays cached TTLs and expires entries by the injected clock', async () => {
    const up = await upstream(good);
    const clock = new ManualClock();
    const { port } = await forwarder({ defaultServers: [server(up)] }, clock);
    await askUdp(port, query('t.example.com', 'A'));
    clock.advance(2_000);
    expect(decode((await askUdp(port, query('t.example.com', 'A')))!).answers[0]!.ttl).toBe(298);
    expect(up.received).toHaveLength(1);
    clock.advance(298_000);
    await askUdp(port, query('t.example.com', 'A'));
    expect(up.received).toHaveLength(2);
  });

  it('turns an upstream NXDOMAIN for a name the cache holds other data for into an authoritative NODATA', async () => {
    const up = await upstream((q) => {
      const type = decode(q).questions[0]!.type;
      return type === 'AAAA' ? reply(q, { authorities: [soa('example.com', 30, 90)] }) : reply(q, { rcode: 'NXDOMAIN' });
    });
    const { port, lines } = await forwarder({ defaultServers: [server(up)] });
    await askUdp(port, query('b.example.com', 'AAAA'));
    const r = (await askUdp(port, query('b.example.com', 'A')))!;
    expect(rcodeOf(r)).toBe(0);
    expect(r.readUInt16BE(2) & 0x0400).toBe(0x0400);
    await sleep(20);
    expect(lines.at(-1)).toBe('reply b.example.com is NODATA-IPv4');
  });

  it('--max-ttl caps answer TTLs of forwarded replies, not the SOA of a negative one', async () => {
    const up = await upstream((q) =>
      decode(q).questions[0]!.name.startsWith('nx') ? reply(q, { rcode: 'NXDOMAIN', authorities: [soa('example.com', 300, 90)] }) : good(q),
    );
    const { port } = await forwarder({ defaultServers: [server(up)], cache: { maxTtl: 20, size: 0 } });
    expect(decode((await askUdp(port, query('a.example.com', 'A')))!).answers[0]!.ttl).toBe(20);
    expect(decode((await askUdp(port, query('nx.example.com', 'A')))!).authorities[0]!.ttl).toBe(300);
  });

  it('after cached CNAME links, a UDP question keeps its route, a TCP one goes where the chain ends', async () => {
    const answerChain = (q: Buffer): Buffer =>
      reply(q, { answers: [cname('b.example.com', 300, 't.other.test'), a('t.other.test', 1, '192.0.2.8')] });
    const domainUp = await upstream(answerChain);
    const defaultUp = await upstream(answerChain);
    const clock = new ManualClock();
    const route = { domain: 'b.example.com', match: 'suffix' as const, target: { kind: 'servers' as const, servers: [server(domainUp)] } };
    const { port } = await forwarder({ defaultServers: [server(defaultUp)], routes: [route] }, clock);
    await askUdp(port, query('b.example.com', 'A'));
    clock.advance(2_000);
    await askUdp(port, query('b.example.com', 'A'));
    expect(domainUp.received).toHaveLength(2);
    clock.advance(2_000);
    await askTcp(port, query('b.example.com', 'A'));
    expect(domainUp.received).toHaveLength(2);
    expect(defaultUp.received.map((r) => [r.transport, decode(r.buf).questions[0]!.name])).toEqual([['tcp', 'b.example.com']]);
  });

  it('spreads forwards over random source ports', async () => {
    const up = await upstream(good);
    const { port } = await forwarder({ defaultServers: [server(up)] });
    for (let i = 0; i < 24; i++) await askUdp(port, query(`p${i}.example.com`, 'A'));
    expect(new Set(up.received.map((r) => r.from.port)).size).toBeGreaterThan(1);
    // 24 random 16-bit IDs repeat one with a chance of 0.4%; three repeats (1 in 10^8) would mean they are not random.
    expect(new Set(up.received.map((r) => r.buf.readUInt16BE(0))).size).toBeGreaterThanOrEqual(22);
  });

  it('drops replies from the wrong source port or with the wrong ID', async () => {
    const up = await upstream(good);
    const { port } = await forwarder({ defaultServers: [server(up)] });
    up.useSpoofSocket = true;
    expect(await askUdp(port, query('sp2.example.com', 'A'), 400)).toBeNull();
    up.useSpoofSocket = false;
    up.answer = (q) => {
      const r = good(q);
      r.writeUInt16BE(r.readUInt16BE(0) ^ 0x5555, 0);
      return r;
    };
    expect(await askUdp(port, query('sp.example.com', 'A'), 400)).toBeNull();
  });

  it('re-sends once after SERVFAIL from the chosen server and passes the final SERVFAIL on', async () => {
    const up = await upstream((q) => reply(q, { rcode: 'SERVFAIL' }));
    const { port } = await forwarder({ defaultServers: [server(up)] });
    expect(rcodeOf((await askUdp(port, query('sf.example.com', 'A')))!)).toBe(2);
    expect(up.received).toHaveLength(1);
    expect(rcodeOf((await askUdp(port, query('sf.example.com', 'A')))!)).toBe(2);
    expect(up.received).toHaveLength(3);
  });

  it('merges an identical question from another client into the forward in flight', async () => {
    const held: Buffer[] = [];
    const up = await upstream((q) => {
      held.push(q);
      return undefined;
    });
    const { port } = await forwarder({ defaultServers: [server(up)] });
    const one = askUdp(port, query('dup.example.com', 'A', { id: 1 }));
    await sleep(30);
    const two = askUdp(port, query('dup.example.com', 'A', { id: 2 }));
    await sleep(30);
    expect(up.received).toHaveLength(1);
    up.answer = good;
    // The held query is answered now, from the upstream's own socket.
    const sock = (up as unknown as { udp: import('node:dgram').Socket }).udp;
    sock.send(good(held[0]!), up.received[0]!.from.port, '127.0.0.1');
    const [r1, r2] = await Promise.all([one, two]);
    expect(r1!.readUInt16BE(0)).toBe(1);
    expect(r2!.readUInt16BE(0)).toBe(2);
  });

  it('passes TC=1 on with empty sections and forwards the TCP retry over TCP', async () => {
    const up = await upstream((q, transport) =>
      transport === 'udp' ? reply(q, { tc: true, answers: [a('big.example.com', 300, '192.0.2.1')] }) : reply(q, { answers: [a('big.example.com', 300, '192.0.2.100'), a('big.example.com', 300, '192.0.2.101')] }),
    );
    const { port, lines } = await forwarder({ defaultServers: [server(up)] });
    const udp = decode((await askUdp(port, query('big.example.com', 'A')))!);
    expect(udp.flag_tc).toBe(true);
    expect(udp.answers).toEqual([]);
    const tcp = decode((await askTcp(port, query('big.example.com', 'A')))!);
    expect(tcp.answers.map((x) => x.data)).toEqual(['192.0.2.100', '192.0.2.101']);
    expect(up.received.map((r) => r.transport)).toEqual(['udp', 'tcp']);
    expect(lines).toContain('reply is truncated');
  });

  it('keeps answering after malformed packets and garbage over TCP', async () => {
    const up = await upstream(good);
    const { port } = await forwarder({ defaultServers: [server(up)] });
    const junk = [Buffer.alloc(0), Buffer.from([1, 2, 3]), Buffer.alloc(12, 0xff), Buffer.concat([query('x.example', 'A').subarray(0, 12), Buffer.from([0xc0, 0x0c, 0, 1, 0, 1])])];
    for (const j of junk) expect(await askUdp(port, j, 150)).toBeNull();
    expect(await askTcp(port, Buffer.alloc(20, 0xff), 300)).toBeNull();
    expect(decode((await askUdp(port, query('ok.example.com', 'A')))!).answers[0]!.data).toBe('192.0.2.10');
  });

  it('survives garbage and compression loops in upstream replies', async () => {
    let mode = 0;
    const up = await upstream((q) => {
      if (mode === 0) return Buffer.concat([q.subarray(0, 2), Buffer.from([0x81, 0x80]), Buffer.alloc(40, 0xff)]);
      if (mode === 1) {
        const r = reply(q, { answers: [{ name: 'loop.example.com', type: 'CNAME', ttl: 300, class: 'IN', data: 'x.example.com' }] });
        const at = r.length - 15; // the CNAME target's first byte: point it at itself
        r.writeUInt16BE(0xc000 | at, at);
        return r;
      }
      return good(q);
    });
    const { port } = await forwarder({ defaultServers: [server(up)] });
    await askUdp(port, query('garbage.example.com', 'A'), 300);
    mode = 1;
    await askUdp(port, query('loop.example.com', 'A'), 300);
    mode = 2;
    expect(decode((await askUdp(port, query('after.example.com', 'A')))!).answers[0]!.data).toBe('192.0.2.10');
  });

  it('answers REFUSED with no server and the dnsmasq wording', async () => {
    const { port, lines } = await forwarder({});
    expect(rcodeOf((await askUdp(port, query('none.example.com', 'A')))!)).toBe(5);
    await sleep(20);
    expect(lines).toContain('config error is REFUSED (EDE: not ready)');
    expect(lines).toContain('warning: no upstream servers configured');
  });
});
