// The TCP path to the upstream (a client's TCP query, or its retry after TC=1) meets an upstream that
// is silent, sends junk or empty frames, lies about frame lengths or hangs up: the forwarder must not
// crash and must keep answering.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { forwarderCommand, type ForwarderCommand } from '../differential/forwarder-command.js';
import { frame } from '../differential/tcp-framing.js';
import { query } from '../differential/dns-client.js';
import { RawUpstream } from './raw-upstream.js';
import { RawTcpUpstream, type TcpReplier } from './raw-tcp-upstream.js';
import { brokenReply, junk, replyHead } from './malformed-replies.js';
import { faultTargets, startTarget } from './target-server.js';

let fwd: ForwarderCommand | undefined;
beforeAll(async () => {
  fwd = await forwarderCommand();
});
afterAll(() => fwd?.dispose());

function truncatedReply(q: Buffer): Buffer {
  const r = replyHead(q, 0);
  r.writeUInt16BE(r.readUInt16BE(2) | 0x0200, 2); // TC
  return r;
}

/** UDP side answering TC=1 and the TCP side on the same port; another free port if that TCP port is taken. */
async function upstreamPair(replier: TcpReplier): Promise<{ udp: RawUpstream; tcp: RawTcpUpstream }> {
  for (let attempt = 1; ; attempt++) {
    const udp = await new RawUpstream((q) => ({ replies: [truncatedReply(q)] })).start();
    try {
      return { udp, tcp: await new RawTcpUpstream(replier).start(udp.port) };
    } catch (e) {
      await udp.stop();
      if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt >= 20) throw e;
    }
  }
}

const behaviours: [string, TcpReplier][] = [
  ['never answers', () => ({})],
  ['hangs up at once', () => ({ close: true })],
  ['sends a zero-length frame', () => ({ write: Buffer.from([0, 0]) })],
  ['announces 512 bytes, sends 3, hangs up', () => ({ write: Buffer.from([2, 0, 1, 2, 3]), close: true })],
  ['sends junk frames', (q) => ({ write: Buffer.concat([frame(junk(q.readUInt16BE(0))), frame(brokenReply(q, q.readUInt16BE(0)))]) })],
  ['sends a broken reply and hangs up', (q) => ({ write: frame(brokenReply(q, 3)), close: true })],
];

describe.each(faultTargets(() => fwd!.command))('$name with a broken TCP upstream', ({ command }) => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c();
  });

  it.each(behaviours)('that %s', async (_what, replier) => {
    // over UDP the upstream says "truncated", so a client's TCP retry goes upstream over TCP too
    const { udp, tcp } = await upstreamPair(replier);
    cleanup.push(() => udp.stop(), () => tcp.stop());
    const t = await startTarget(command(), udp.port);
    cleanup.push(() => t.stop());
    const queries = Array.from({ length: 30 }, (_, i) => query({ port: t.port }, { name: `t${i}.tcp-fault.example`, type: 'A', tcp: i % 2 === 0, timeoutMs: 1500 }));
    await Promise.all(queries);
    expect(tcp.received).toBeGreaterThan(0);
    await t.assertAnswering();
  });
});
