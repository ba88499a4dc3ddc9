// Per-upstream counters as dnsmasq's SIGUSR1 dump reports them, over real loopback sockets: a fake upstream that
// answers NXDOMAIN for some names, and every reply after a known delay.
import { afterEach, describe, expect, it } from 'vitest';
import type { Forwarder } from '../../src/dns/forwarder.js';
import { forwarderStats } from '../../src/runtime/cache-entries.js';
import { a, decode, query, rcodeOf, reply } from './packets.js';
import { askUdp, startForwarder } from './loopback.js';
import { ScriptedUpstream } from './scripted-upstream.js';

const DELAY_MS = 80;

const running: { stop(): Promise<void> }[] = [];
afterEach(async () => {
  while (running.length) await running.pop()!.stop();
});

describe('per-upstream counters', () => {
  it('counts queries sent, NXDOMAIN replies and the mean latency of accepted replies per server', async () => {
    const up = await new ScriptedUpstream((q, port, send) => {
      const name = decode(q).questions[0]!.name;
      const out = name.startsWith('missing') ? reply(q, { rcode: 'NXDOMAIN' }) : reply(q, { answers: [a(name, 300, '192.0.2.7')] });
      setTimeout(() => send(out, port), DELAY_MS);
    }).start();
    running.push(up);
    const { fwd, port } = await startForwarder({ defaultServers: [{ address: '127.0.0.1', port: up.port, family: 4 }] });
    running.push(fwd as Forwarder);

    expect(rcodeOf((await askUdp(port, query('missing1.example', 'A')))!)).toBe(3);
    expect(rcodeOf((await askUdp(port, query('missing2.example', 'A')))!)).toBe(3);
    expect(rcodeOf((await askUdp(port, query('present.example', 'A')))!)).toBe(0);
    // From the cache: no query sent, nothing counted.
    expect(rcodeOf((await askUdp(port, query('present.example', 'A')))!)).toBe(0);

    const label = `127.0.0.1#${up.port}`;
    const c = fwd.serverCounters.get(label)!;
    expect(c).toMatchObject({ queries: 3, errors: 0, replies: 3, nxdomain: 2 });
    expect(c.latencyMs / c.replies).toBeGreaterThanOrEqual(DELAY_MS - 2);
    expect(c.latencyMs / c.replies).toBeLessThan(DELAY_MS + 500);

    const [stats] = forwarderStats(fwd, Date.now()).upstreams;
    expect(stats).toMatchObject({ server: label, queries: 3, failed: 0, nxdomain: 2 });
    expect(stats!.latencyMs).toBe(Math.round(c.latencyMs / c.replies));
  });
});
