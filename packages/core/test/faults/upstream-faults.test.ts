// A misbehaving upstream (silent, garbage, wrong source port, reply floods) must not make the
// forwarder crash or grow its memory without bound, and it must keep answering.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeUpstream } from '../differential/fake-upstream.js';
import { forwarderCommand, type ForwarderCommand } from '../differential/forwarder-command.js';
import { query } from '../differential/dns-client.js';
import { RawUpstream } from './raw-upstream.js';
import { brokenReply, junk, validReply } from './malformed-replies.js';
import { measureUnderLoad, type MemoryTrace } from './memory-under-load.js';
import { faultTargets, startTarget, type TargetServer } from './target-server.js';

/** RSS growth allowed over 20,000 distinct queries once warm (heap sizing settles in the first phase)... */
const MAX_GROWTH_KIB = 32 * 1024;
/** ...and over the last 10,000 alone: a leak of ~1 KiB per query would exceed it. */
const MAX_LAST_PHASE_GROWTH_KIB = 8 * 1024;

let fwd: ForwarderCommand | undefined;
beforeAll(async () => {
  fwd = await forwarderCommand();
});
afterAll(() => fwd?.dispose());

describe.each(faultTargets(() => fwd!.command))('$name behind a misbehaving upstream', ({ name, command }) => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c();
  });

  async function run(upstreamPort: number, tag: string): Promise<{ t: TargetServer; trace: MemoryTrace }> {
    const t = await startTarget(command(), upstreamPort);
    cleanup.push(() => t.stop());
    const trace = await measureUnderLoad(t, tag);
    console.info(`${name} / ${tag}: RSS KiB ${trace.rss.join(' -> ')} (growth ${trace.growthKiB} KiB)`);
    expect(trace.growthKiB).toBeLessThan(MAX_GROWTH_KIB);
    expect(trace.rss.at(-1)! - trace.rss.at(-2)!).toBeLessThan(MAX_LAST_PHASE_GROWTH_KIB);
    await t.assertAnswering();
    return { t, trace };
  }

  it('that never answers', async () => {
    const up = await new FakeUpstream({ default: { drop: true } }).start();
    cleanup.push(() => up.stop());
    await run(up.port, 'silent');
  });

  it('that answers garbage: broken bodies with the right ID and question, and plain junk', async () => {
    let n = 0;
    const up = await new RawUpstream((q) => ({ replies: [brokenReply(q, n), junk(n++)] })).start();
    cleanup.push(() => up.stop());
    await run(up.port, 'garbage');
    expect(up.received).toBeGreaterThan(0);
  });

  it('that answers from the wrong source port', async () => {
    const up = await new RawUpstream((q) => ({ replies: [validReply(q)], viaOtherPort: true })).start();
    cleanup.push(() => up.stop());
    const { t } = await run(up.port, 'wrongport');
    const r = await query({ port: t.port }, { name: 'spoofed.example', type: 'A', timeoutMs: 500 });
    expect(r.response?.answers ?? []).toEqual([]); // never the spoofed address
  });

  it('that floods: 20 copies of each reply plus 20 with random IDs', async () => {
    const up = await new RawUpstream((q) => {
      const good = validReply(q);
      const forged = Array.from({ length: 20 }, (_, i) => {
        const b = Buffer.from(good);
        b.writeUInt16BE((b.readUInt16BE(0) + 1 + i * 97) & 0xffff, 0);
        return b;
      });
      return { replies: [...Array.from({ length: 20 }, () => good), ...forged] };
    }).start();
    cleanup.push(() => up.stop());
    const { t } = await run(up.port, 'flood');
    const r = await query({ port: t.port }, { name: 'after-flood.example', type: 'A', timeoutMs: 2000 });
    expect(r.response?.answers.map((a) => a.data)).toEqual(['192.0.2.7']);
  });
});
