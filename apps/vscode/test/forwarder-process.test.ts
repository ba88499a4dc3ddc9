import dgram from 'node:dgram';
import * as dnsPacket from 'dns-packet';
import { afterEach, describe, expect, it } from 'vitest';
import type { ForwarderRequest } from '../src/forwarder/forwarder-control.js';
import { askA, forkForwarder } from './forwarder-child.js';

const INCIDENT = ['-k', '--cache-size=1000', '--no-resolv', '--log-queries', '--server=10.36.8.40'];

/** A loopback upstream answering every A question with 192.0.2.7. */
async function fakeUpstream(): Promise<{ port: number; queries: string[]; close: () => Promise<void> }> {
  const socket = dgram.createSocket('udp4');
  const queries: string[] = [];
  socket.on('message', (message, peer) => {
    const query = dnsPacket.decode(message);
    const question = query.questions![0]!;
    queries.push(question.name);
    const answer = dnsPacket.encode({
      id: query.id,
      type: 'response',
      flags: dnsPacket.RECURSION_DESIRED | dnsPacket.RECURSION_AVAILABLE,
      questions: query.questions,
      answers: question.type === 'A' ? [{ type: 'A', name: question.name, ttl: 300, data: '192.0.2.7' }] : [],
    });
    socket.send(answer, peer.port, peer.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return { port: socket.address().port, queries, close: () => new Promise((resolve) => socket.close(() => resolve())) };
}

function startForwarder(words: string[], upstreams: string[], extra: Partial<ForwarderRequest> = {}) {
  return forkForwarder({ words, upstreams, port: 0, ...extra });
}

describe('the extension forwarder process (dist/forwarder.js)', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('serves the manifest argv on 127.0.0.1 through a loopback upstream and logs with -q', async () => {
    const upstream = await fakeUpstream();
    cleanups.push(upstream.close);
    const forwarder = startForwarder(INCIDENT, [`127.0.0.1#${upstream.port}`], { approved: [`127.0.0.1#${upstream.port}`] });
    const exited = new Promise((resolve) => forwarder.child.once('exit', resolve));
    cleanups.push(async () => {
      forwarder.child.kill('SIGTERM');
      await exited;
    });
    const line = await forwarder.first;
    expect(line).toMatch(/^started 127\.0\.0\.1#\d+$/);
    const port = Number(line.split('#')[1]);
    const reply = await askA(port, 'sonatype.map.fastly.net');
    expect(reply.answers?.[0]).toMatchObject({ type: 'A', data: '192.0.2.7' });
    expect(upstream.queries).toEqual(['sonatype.map.fastly.net']);
    await askA(port, 'sonatype.map.fastly.net');
    expect(upstream.queries).toHaveLength(1);
    forwarder.child.kill('SIGTERM');
    await exited;
    expect(forwarder.stderr()).toMatch(/cached sonatype\.map\.fastly\.net is 192\.0\.2\.7/);
  });

  it("refuses to start when the manifest's cluster upstream is not replaced, and names it", async () => {
    const forwarder = startForwarder(INCIDENT, []);
    const line = await forwarder.first;
    expect(line).toMatch(/^failed .*10\.36\.8\.40/);
    await new Promise((resolve) => (forwarder.child.exitCode === null ? forwarder.child.once('exit', resolve) : resolve(undefined)));
    expect(forwarder.child.exitCode).toBe(2);
  });
});
