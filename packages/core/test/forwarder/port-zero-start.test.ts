// `--port=0`: the kernel picks the UDP port and TCP must take the same number. When another socket holds that
// TCP port, start() picks again (at most MAX_PORT_PICKS times). The socket factory makes the collision certain:
// just before the forwarder listens on TCP, it occupies that very port with a real TCP listener.
import dgram from 'node:dgram';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeSockets, type SocketFactory } from '../../src/dns/transport/socket-factory.js';
import { a, decode, query, reply } from './packets.js';
import { askTcp, askUdp, startForwarder, TestUpstream } from './loopback.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** Node's sockets, except that the first `collisions` TCP listens find their port already taken by another listener. */
function collidingSockets(collisions: number): { sockets: SocketFactory; taken: number[] } {
  const taken: number[] = [];
  const sockets: SocketFactory = {
    ...nodeSockets,
    async listenTcp(server, port, address) {
      if (taken.length < collisions) {
        taken.push(port);
        const squatter = net.createServer();
        try {
          await nodeSockets.listenTcp(squatter, port, address);
          cleanups.push(() => new Promise((r) => squatter.close(() => r())));
        } catch {
          // Another process (a parallel test's connection) already holds this TCP port: the collision happens anyway.
        }
      }
      return nodeSockets.listenTcp(server, port, address);
    },
  };
  return { sockets, taken };
}

/** True when a UDP socket can bind 127.0.0.1#`port` (nothing of ours holds it any more). */
function udpPortFree(port: number): Promise<boolean> {
  const probe = dgram.createSocket('udp4');
  return new Promise((resolve) => {
    probe.once('error', () => resolve(false));
    probe.bind(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

describe('Forwarder.start with --port=0', () => {
  it('picks another port when the TCP twin of the kernel\'s UDP choice is taken, and serves UDP and TCP on it', async () => {
    const up = await new TestUpstream((q) => reply(q, { answers: [a(decode(q).questions[0]!.name, 300, '192.0.2.7')] })).start();
    cleanups.push(() => up.stop());
    const { sockets, taken } = collidingSockets(3);
    const { fwd, port } = await startForwarder({ port: 0, listen: ['127.0.0.1'], defaultServers: [{ address: '127.0.0.1', port: up.port, family: 4 }] }, undefined, { sockets });
    cleanups.push(() => fwd.stop());
    expect(taken).toHaveLength(3);
    expect(taken).not.toContain(port);
    // The UDP sockets of the abandoned picks were closed.
    for (const p of taken) expect(await udpPortFree(p)).toBe(true);
    expect(decode((await askUdp(port, query('udp.example', 'A')))!).answers[0]!.data).toBe('192.0.2.7');
    expect(decode((await askTcp(port, query('tcp.example', 'A')))!).answers[0]!.data).toBe('192.0.2.7');
  });

  it('gives up after 10 picks with the error a fixed port would give, leaving no socket open', async () => {
    const { sockets, taken } = collidingSockets(Infinity);
    const start = startForwarder({ port: 0, listen: ['127.0.0.1'], defaultServers: [{ address: '127.0.0.1', port: 9, family: 4 }] }, undefined, { sockets });
    await expect(start).rejects.toThrow('failed to create listening socket for 127.0.0.1: Address already in use');
    expect(taken).toHaveLength(10);
    for (const p of taken) expect(await udpPortFree(p)).toBe(true);
  });

  it('does not retry a fixed port whose TCP side is taken', async () => {
    const { sockets, taken } = collidingSockets(Infinity);
    const squatted = dgram.createSocket('udp4');
    const port = await new Promise<number>((r) => squatted.bind(0, '127.0.0.1', () => r(squatted.address().port)));
    await new Promise<void>((r) => squatted.close(() => r()));
    await expect(startForwarder({ port, listen: ['127.0.0.1'], defaultServers: [] }, undefined, { sockets })).rejects.toThrow('Address already in use');
    expect(taken).toEqual([port]);
    expect(await udpPortFree(port)).toBe(true);
  });
});
