import { describe, expect, it } from 'vitest';
import type { ProbeResult } from '@kube-dns-tools/core/probe';
import { reportName, upstreamVerdict } from '@kube-dns-tools/core/probe';
import { attemptKey, cnameChain, digCommand, lensSummary, probeRows } from './probe-view-model.js';

const CHAIN = ['central.maven.org.', 'sonatype.map.fastly.net.'];
const answer = (ms: number): ProbeResult => ({ outcome: 'answer', latencyMs: ms, answers: [...CHAIN, '151.101.40.209'], rcode: 'NOERROR' });
const nodata = (ms: number): ProbeResult => ({ outcome: 'nodata', latencyMs: ms, answers: [...CHAIN], rcode: 'NOERROR' });
const timeout: ProbeResult = { outcome: 'timeout', latencyMs: 1000, answers: [] };

function reportOf(servers: Record<string, ProbeResult[]>, name = 'repo1.maven.org') {
  const attempts = new Map<string, ProbeResult[]>();
  const upstreams = Object.entries(servers).map(([server, results]) => {
    attempts.set(attemptKey(server, name), results);
    const names = [reportName(name, results)];
    return { server, verdict: upstreamVerdict(names), names };
  });
  return { report: { upstreams }, attempts };
}

describe('probe view model', () => {
  const { report, attempts } = reportOf({
    '127.0.0.1#5301': [answer(1), answer(2), answer(1), answer(3)],
    '127.0.0.1#5302': [answer(1), nodata(2), answer(1), nodata(4)],
    '127.0.0.1#5303': [timeout, timeout],
  });
  const rows = probeRows(report, attempts);

  it('has one row per upstream and name with verdict, counts and latency', () => {
    expect(rows.map((r) => [r.server, r.verdict, r.counts])).toEqual([
      ['127.0.0.1#5301', 'healthy', 'answer 4'],
      ['127.0.0.1#5302', 'flaky', 'answer 2, nodata 2'],
      ['127.0.0.1#5303', 'down', 'timeout 2'],
    ]);
    expect(rows[1]!.p95).toBe(4);
  });

  it('shows the attempts in order as a strip, so the flaky pattern is seen at a glance', () => {
    expect(rows.map((r) => r.strip)).toEqual(['■■■■', '■□■□', '··']);
  });

  it('follows the CNAME chain of the fullest answer, link by link', () => {
    expect(rows[1]!.chain).toEqual(['repo1.maven.org', ...CHAIN, '151.101.40.209']);
    expect(cnameChain('x.example', [nodata(1)])).toEqual(['x.example', ...CHAIN]);
    expect(rows[2]!.chain).toEqual(['repo1.maven.org']);
  });

  it('copies as dig', () => {
    expect(rows[0]!.dig).toBe('dig @127.0.0.1 -p 5301 repo1.maven.org A');
    expect(digCommand('::1#53', 'a.example', 'AAAA')).toBe('dig @::1 -p 53 a.example AAAA');
  });

  it('summarises a server for its code lens', () => {
    expect(lensSummary(report, '127.0.0.1#5302')).toBe('flaky · answer 2, nodata 2 · p95 4 ms');
    expect(lensSummary(report, '10.36.8.40#53')).toBeUndefined();
  });
});
