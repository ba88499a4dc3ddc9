// Malformed and hostile client traffic over real sockets must never crash the forwarder,
// and it must keep answering valid queries afterwards (and, for UDP, during TCP abuse).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeUpstream } from '../differential/fake-upstream.js';
import { forwarderCommand, type ForwarderCommand } from '../differential/forwarder-command.js';
import { frame } from '../differential/tcp-framing.js';
import { query } from '../differential/dns-client.js';
import { blast } from './udp-blast.js';
import { badHeaders, badNames, mutatedQueries, randomDatagrams, truncations, validQuery } from './malformed-packets.js';
import { destroyAll, idleConnections, slowSend, tcpExchange } from './tcp-abuse.js';
import { ALIVE_ADDRESS, ALIVE_NAME, faultTargets, startTarget, type TargetServer } from './target-server.js';

let fwd: ForwarderCommand | undefined;
beforeAll(async () => {
  fwd = await forwarderCommand();
});
afterAll(() => fwd?.dispose());

describe.each(faultTargets(() => fwd!.command))('$name survives malformed client traffic', ({ command }) => {
  let up: FakeUpstream;
  let t: TargetServer;
  beforeAll(async () => {
    up = await new FakeUpstream({ default: { answers: [{ name: '{qname}', type: 'A', ttl: 300, data: '192.0.2.1' }] } }).start();
    t = await startTarget(command(), up.port);
  });
  afterAll(async () => {
    await t?.stop();
    await up?.stop();
  });

  it('random datagrams', async () => {
    await blast(t.port, randomDatagrams(3000, 20261126));
    await t.assertAnswering();
  });

  it('every truncation of a valid query, with and without EDNS', async () => {
    const plain = validQuery('truncate.example.com', 0x1111);
    const withEdns = Buffer.concat([plain.subarray(0, 10), Buffer.from([0, 1]), plain.subarray(12), Buffer.from([0, 0, 41, 4, 0xd0, 0, 0, 0, 0, 0, 0])]);
    await blast(t.port, [...truncations(plain), ...truncations(withEdns)]);
    await t.assertAnswering();
  });

  it('compression loops, pointers past the end, reserved label types, over-long names', async () => {
    await blast(t.port, badNames());
    await t.assertAnswering();
  });

  it('huge section counts, no or two questions, QR=1, every opcode, broken EDNS, oversize datagrams', async () => {
    await blast(t.port, badHeaders());
    await t.assertAnswering();
  });

  it('valid queries with random bytes overwritten', async () => {
    await blast(t.port, mutatedQueries(3000, 7));
    await t.assertAnswering();
  });

  it('the same malformed messages over TCP, one connection each', async () => {
    for (const p of [...badNames(), ...badHeaders().slice(0, 12), ...randomDatagrams(20, 99)]) {
      await tcpExchange(t.port, frame(p), { waitMs: 100 });
    }
    await t.assertAnswering();
  });

  it('a zero-length TCP frame, a frame longer than what follows, a half-closed connection', async () => {
    await tcpExchange(t.port, Buffer.from([0, 0]), { waitMs: 300 });
    await tcpExchange(t.port, Buffer.concat([Buffer.from([0, 0]), frame(validQuery('after-zero.example'))]), { waitMs: 300 });
    await tcpExchange(t.port, Buffer.from([0x02, 0x00, 1, 2, 3]), { halfClose: true, waitMs: 300 });
    await tcpExchange(t.port, Buffer.from([0x00]), { halfClose: true, waitMs: 300 });
    await tcpExchange(t.port, frame(validQuery('half.example')), { halfClose: true, waitMs: 500 });
    await t.assertAnswering();
  });

  it('keeps answering UDP while TCP connections sit open silent, half-sent or one byte at a time', async () => {
    const idle = await idleConnections(t.port, 40);
    const partial = await idleConnections(t.port, 40, Buffer.from([0, 40, 0x12]));
    const slow = slowSend(t.port, frame(validQuery('slowloris.example')), 100, 1500);
    try {
      for (let i = 0; i < 5; i++) {
        const r = await query({ port: t.port }, { name: ALIVE_NAME, type: 'A', timeoutMs: 2000 });
        expect(r.response?.answers[0]?.data).toBe(ALIVE_ADDRESS);
      }
    } finally {
      destroyAll([...idle, ...partial, await slow]);
    }
    await t.assertAnswering();
  });

  it('hundreds of connections opened and dropped at once', async () => {
    destroyAll(await idleConnections(t.port, 300));
    await t.assertAnswering();
    expect(t.process.exit).toBeNull();
  });
});
