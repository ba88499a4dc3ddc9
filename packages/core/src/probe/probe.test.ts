import { afterEach, describe, expect, it } from 'vitest';
import { FakeUpstream } from '../../test/differential/fake-upstream.js';
import type { UpstreamResponse, UpstreamScript } from '../../test/differential/scenario-format.js';
import { allHealthy, probe } from './probe.js';
import { parseTarget } from './probe-target.js';

const started: FakeUpstream[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((u) => u.stop()));
});

async function upstream(script: UpstreamScript): Promise<string> {
  const u = await new FakeUpstream(script).start();
  started.push(u);
  return `127.0.0.1#${u.port}`;
}

const a = (data: string): UpstreamResponse => ({ answers: [{ name: '{qname}', type: 'A', ttl: 60, data }] });
const chain: UpstreamResponse['answers'] = [
  { name: 'repo1.maven.org', type: 'CNAME', ttl: 300, data: 'central.maven.org' },
  { name: 'central.maven.org', type: 'CNAME', ttl: 120, data: 'sonatype.map.fastly.net' },
];
const always = (r: UpstreamResponse): UpstreamScript => ({ default: r });
const sequence = (...responses: UpstreamResponse[]): UpstreamScript => ({ rules: [{ match: { name: '*' }, responses, cycle: true }] });

async function run(server: string, extra: { count?: number; timeoutMs?: number; names?: string[] } = {}) {
  return probe({ servers: [parseTarget(server)], names: extra.names ?? ['repo1.maven.org'], count: extra.count ?? 3, intervalMs: 0, timeoutMs: extra.timeoutMs ?? 500 });
}

describe('probe', () => {
  it('calls a server healthy when every query gets the same address', async () => {
    const report = await run(await upstream(always(a('192.0.2.1'))));
    const [up] = report.upstreams;
    expect(up!.verdict).toBe('healthy');
    expect(up!.names[0]!.counts).toEqual({ answer: 3, nodata: 0, nxdomain: 0, servfail: 0, refused: 0, timeout: 0, truncated: 0 });
    expect(up!.names[0]!.answers).toEqual([['192.0.2.1']]);
    expect(up!.names[0]!.latencyMs.max).toBeGreaterThan(0);
    expect(allHealthy(report)).toBe(true);
  });

  it('calls the incident flaky: the chain answer one time, NODATA at the end of the chain the next', async () => {
    const good = { answers: [...chain!, { name: 'sonatype.map.fastly.net', type: 'A', ttl: 30, data: '151.101.40.209' }] };
    const report = await run(await upstream(sequence(good, { answers: chain })), { count: 4 });
    const name = report.upstreams[0]!.names[0]!;
    expect(name.verdict).toBe('flaky');
    expect(name.counts.answer).toBe(2);
    expect(name.counts.nodata).toBe(2);
    expect(name.answers).toEqual([['151.101.40.209', 'central.maven.org', 'sonatype.map.fastly.net']]);
    expect(allHealthy(report)).toBe(false);
  });

  it('calls a server flaky when its addresses change between queries', async () => {
    const name = (await run(await upstream(sequence(a('192.0.2.1'), a('192.0.2.2'))), { count: 2 })).upstreams[0]!.names[0]!;
    expect(name.verdict).toBe('flaky');
    expect(name.answers).toEqual([['192.0.2.1'], ['192.0.2.2']]);
  });

  it('calls a server flaky when some queries get SERVFAIL', async () => {
    const name = (await run(await upstream(sequence(a('192.0.2.1'), { rcode: 'SERVFAIL' })), { count: 4 })).upstreams[0]!.names[0]!;
    expect(name.verdict).toBe('flaky');
    expect(name.counts.servfail).toBe(2);
  });

  it('calls a consistent NXDOMAIN healthy', async () => {
    const report = await run(await upstream(always({ rcode: 'NXDOMAIN' })), { names: ['nope.example'] });
    expect(report.upstreams[0]!.verdict).toBe('healthy');
    expect(report.upstreams[0]!.names[0]!.counts.nxdomain).toBe(3);
  });

  it('calls a silent or always-failing server down', async () => {
    const silent = await upstream(always({ drop: true }));
    const failing = await upstream(always({ rcode: 'REFUSED' }));
    const report = await probe({ servers: [parseTarget(silent), parseTarget(failing)], names: ['x.example'], count: 2, intervalMs: 0, timeoutMs: 200 });
    expect(report.upstreams.map((u) => u.verdict)).toEqual(['down', 'down']);
    expect(report.upstreams[0]!.names[0]!.counts.timeout).toBe(2);
    expect(report.upstreams[0]!.names[0]!.latencyMs.p50).toBeGreaterThanOrEqual(199);
    expect(report.upstreams[1]!.names[0]!.counts.refused).toBe(2);
  });

  it('ignores replies from the wrong port, with the wrong ID or for another question', async () => {
    for (const spoof of [{ wrong_port: true }, { id_xor: 0x5a5a }, { question: { name: 'other.example' } }]) {
      const report = await run(await upstream(always({ ...a('192.0.2.66'), ...spoof })), { count: 1, timeoutMs: 200 });
      expect(report.upstreams[0]!.names[0]!.counts.timeout, JSON.stringify(spoof)).toBe(1);
    }
  });

  it('counts truncated replies and reports each server separately', async () => {
    const tc = await upstream(always({ tc: true }));
    const ok = await upstream(always(a('192.0.2.9')));
    const report = await probe({ servers: [parseTarget(tc), parseTarget(ok)], names: ['big.example'], count: 2, intervalMs: 0, timeoutMs: 500 });
    expect(report.upstreams[0]!.names[0]!.counts.truncated).toBe(2);
    expect(report.upstreams[1]).toMatchObject({ server: ok, verdict: 'healthy' });
  });

  it('rejects a count out of range', async () => {
    await expect(probe({ servers: [parseTarget('127.0.0.1#53')], names: ['x'], count: 0 })).rejects.toThrow(/count/);
  });
});

describe('parseTarget', () => {
  it('reads ADDR#PORT and defaults the port to 53', () => {
    expect(parseTarget('127.0.0.1#5300')).toEqual({ address: '127.0.0.1', port: 5300, family: 4 });
    expect(parseTarget('::1')).toEqual({ address: '::1', port: 53, family: 6 });
  });
  it('names the bad part', () => {
    expect(() => parseTarget('dns.google#53')).toThrow(/"dns.google" is not an IPv4 or IPv6 address/);
    expect(() => parseTarget('127.0.0.1#99999')).toThrow(/port "99999"/);
    expect(() => parseTarget('127.0.0.1#')).toThrow(/port ""/);
  });
});
