import { describe, expect, it } from 'vitest';
import type { DomainRoute, UpstreamAddress } from '../../src/dns/forwarder-config.js';
import { RouteTable, type RouteDecision } from '../../src/dns/routes.js';

const up = (port: number): UpstreamAddress => ({ address: '127.0.0.1', port, family: 4 });
const servers = (port: number): DomainRoute['target'] => ({ kind: 'servers', servers: [up(port)] });

function where(d: RouteDecision): string {
  if (d.kind === 'group') return d.group.servers.map((s) => s.port).join(',');
  if (d.kind === 'address') return d.address;
  return d.kind;
}

describe('routes', () => {
  const table = new RouteTable({
    defaultServers: [up(1)],
    routes: [
      { domain: 'cluster.local', match: 'suffix', target: servers(2) },
      { domain: 'svc.cluster.local', match: 'suffix', target: servers(3) },
      { domain: 'example.net', match: 'wildcard', target: servers(4) },
      { domain: 'example.net', match: 'suffix', target: servers(5) },
      { domain: '', match: 'unqualified', target: servers(6) },
      { domain: 'home.lan', match: 'suffix', target: { kind: 'local' } },
      { domain: 'ads.example', match: 'suffix', target: { kind: 'address', family: 4, address: '192.0.2.99' } },
      { domain: 'blocked.example', match: 'suffix', target: { kind: 'null-address' } },
      { domain: 'corp', match: 'suffix', target: servers(7) },
      { domain: 'www.corp', match: 'suffix', target: { kind: 'default-servers' } },
    ],
  });

  it('takes the longest whole-label suffix', () => {
    expect(where(table.route('kube-dns.kube-system.svc.cluster.local', 1))).toBe('3');
    expect(where(table.route('pod.cluster.local', 1))).toBe('2');
    expect(where(table.route('cluster.local', 1))).toBe('2');
    expect(where(table.route('notcluster.local', 1))).toBe('1');
  });

  it('wildcards match any ending, a plain rule of the same text wins', () => {
    expect(where(table.route('superexample.net', 1))).toBe('4');
    expect(where(table.route('www.example.net', 1))).toBe('5');
  });

  it('sends dot-less names to // servers, answers local and address rules', () => {
    expect(where(table.route('printer', 1))).toBe('6');
    expect(where(table.route('pc.home.lan', 16))).toBe('local');
    expect(where(table.route('x.ads.example', 1))).toBe('192.0.2.99');
    expect(where(table.route('x.ads.example', 28))).toBe('1');
    expect(where(table.route('blocked.example', 28))).toBe('::');
  });

  it('/d/# goes back to the default servers', () => {
    expect(where(table.route('mail.corp', 1))).toBe('7');
    expect(where(table.route('a.www.corp', 1))).toBe('1');
  });

  it('REFUSED when nothing can answer; an empty --server= is local unless a default server exists', () => {
    expect(where(new RouteTable({ defaultServers: [], routes: [] }).route('x.example', 1))).toBe('refused');
    const empty: DomainRoute = { domain: '', match: 'all', target: { kind: 'local' } };
    expect(where(new RouteTable({ defaultServers: [], routes: [empty] }).route('x.example', 1))).toBe('local');
    expect(where(new RouteTable({ defaultServers: [up(1)], routes: [empty] }).route('x.example', 1))).toBe('1');
  });
});
