// A server group that mixes IPv4 and IPv6 upstreams: each forward leaves from a socket of the server's family.
import dgram from 'node:dgram';
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../differential/free-port.js';
import { BASE_ARGS } from '../differential/scenario-player.js';
import { ServerProcess } from '../differential/server-process.js';
import { a, decode, query, rcodeOf, reply } from './packets.js';
import { askUdp, startForwarder } from './loopback.js';

const running: { stop(): Promise<void> }[] = [];
afterEach(async () => {
  while (running.length) await running.pop()!.stop();
});

/** A UDP upstream on 127.0.0.1 or ::1 that answers SERVFAIL or an address, and counts what it got. */
async function upstream(family: 4 | 6, answer: 'servfail' | 'silent' | string): Promise<{ port: number; got: () => number }> {
  const sock = dgram.createSocket(family === 6 ? 'udp6' : 'udp4');
  let got = 0;
  sock.on('message', (q, rinfo) => {
    got++;
    if (answer === 'silent') return;
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

const DNSMASQ = process.env.DNSMASQ_BIN ?? '/usr/sbin/dnsmasq';

/** Answers (or rcodes) to three questions, and what each upstream received, for one forwarder on `port`. */
async function run(port: number, failing: { got: () => number }, good: { got: () => number }): Promise<unknown> {
  const answers: string[] = [];
  for (const name of ['one.mixed.example', 'two.mixed.example', 'three.mixed.example']) {
    const r = await askUdp(port, query(name, 'A'), 3000);
    answers.push(r ? (decode(r).answers[0]?.data as string | undefined) ?? `rcode ${rcodeOf(r)}` : 'timeout');
  }
  return { answers, failingGot: failing.got(), goodGot: good.got() };
}

describe.skipIf(!existsSync(DNSMASQ))('a server group of 127.0.0.1 and ::1 against dnsmasq 2.90', () => {
  it.each([
    ['--strict-order, IPv4 SERVFAIL first', 4, 'servfail', true],
    ['--strict-order, IPv6 SERVFAIL first', 6, 'servfail', true],
    ['default choice, IPv4 silent first', 4, 'silent', false],
    ['default choice, IPv6 silent first', 6, 'silent', false],
  ] as const)('%s: same answers, same upstream traffic', async (_what, first, fault, strict) => {
    const second = first === 4 ? 6 : 4;
    const host = (family: 4 | 6) => (family === 6 ? '::1' : '127.0.0.1');

    const theirFailing = await upstream(first, fault);
    const theirGood = await upstream(second, '192.0.2.44');
    const theirPort = await freePort();
    const dnsmasq = new ServerProcess(DNSMASQ, [
      ...BASE_ARGS.map((w) => w.replace('{PORT}', String(theirPort))),
      `--server=${host(first)}#${theirFailing.port}`, `--server=${host(second)}#${theirGood.port}`, ...(strict ? ['--strict-order'] : []),
    ]);
    running.push(dnsmasq);
    expect(await dnsmasq.start()).toBe(true);
    const theirs = await run(theirPort, theirFailing, theirGood);

    const ourFailing = await upstream(first, fault);
    const ourGood = await upstream(second, '192.0.2.44');
    const { fwd, port } = await startForwarder({
      defaultServers: [
        { address: host(first), port: ourFailing.port, family: first },
        { address: host(second), port: ourGood.port, family: second },
      ],
      forwarding: { strictOrder: strict, allServers: false, forwardMax: 150, fastRetry: undefined },
    });
    running.push(fwd);
    expect(await run(port, ourFailing, ourGood)).toEqual(theirs);
  });
});
