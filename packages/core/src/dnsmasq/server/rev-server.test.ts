import { describe, expect, it } from 'vitest';
import { parseServerValue } from './server.js';
import { reverseZones } from './rev-server-zones.js';
import { revServerAbortsDnsmasq } from './rev-server.js';

function zones(value: string): string[] {
  const result = parseServerValue('rev-server', value);
  return result.ok ? result.spec.domains.map((d) => d.name) : [`error: ${result.error.reason}`];
}

describe('--rev-server zones (as dnsmasq 2.90 logs them at start-up)', () => {
  it('derives octet and nibble zones, zeroing host bits', () => {
    expect(zones('10.0.0.0/8,127.0.0.1#10053')).toEqual(['10.in-addr.arpa']);
    expect(zones('10.1.2.3/32,1.2.3.4')).toEqual(['3.2.1.10.in-addr.arpa']);
    expect(zones('10.1.2.3/22,1.2.3.4')).toEqual(['0.1.10', '1.1.10', '2.1.10', '3.1.10'].map((z) => `${z}.in-addr.arpa`));
    expect(zones('192.168.1.77/23')).toEqual(['0.168.192.in-addr.arpa', '1.168.192.in-addr.arpa']);
    expect(zones('fd00::/8,::1')).toEqual(['d.f.ip6.arpa']);
    expect(zones('fd00::/7,::1')).toEqual(['c.f.ip6.arpa', 'd.f.ip6.arpa']);
    expect(zones('2001:db8::1/126,::1')[3]).toBe(`3.${'0.'.repeat(23)}8.b.d.0.1.0.0.2.ip6.arpa`);
    expect(reverseZones(4, [10, 1, 2, 3], 1)).toHaveLength(128);
  });

  it('treats a missing or non-numeric prefix as the whole address', () => {
    expect(zones('10.0.0.0/x,127.0.0.1')).toEqual(['0.0.0.10.in-addr.arpa']);
    expect(zones('10.0.0.0/8/9,127.0.0.1')).toEqual(['0.0.0.10.in-addr.arpa']);
    expect(zones('10.0.0.0 / 8 , 1.2.3.4')).toEqual(['10.in-addr.arpa']);
    expect(zones('10.0.0.0/4294967304,1.2.3.4')).toEqual(['10.in-addr.arpa']);
  });

  it("checks in dnsmasq's order: network, server syntax, prefix, server binding", () => {
    expect(zones('bad/8,1.2.3.4#99999')).toEqual(['error: try --help']);
    expect(zones('10.0.0.0/33,1.2.3.4#99999')).toEqual(['error: bad port']);
    expect(zones('10.0.0.0/33,1.2.3.4@::1')).toEqual(['error: bad IPv4 prefix length']);
    expect(zones('10.0.0.0/,1.2.3.4')).toEqual(['error: bad IPv4 prefix length']);
    expect(zones('fd00::/0')).toEqual(['error: bad IPv6 prefix length']);
    expect(zones('10.0.0.0/8,')).toEqual(['error: Name or service not known']);
    expect(zones('127.1/8,1.2.3.4')).toEqual(['error: try --help']);
  });

  it('routes to the server, to the standard servers, or answers locally', () => {
    const routed = parseServerValue('rev-server', '10.0.0.0/8,127.0.0.1#10053');
    expect(routed.ok && routed.spec.target).toEqual({ kind: 'upstream', family: 4, address: '127.0.0.1', port: 10053 });
    const local = parseServerValue('rev-server', '10.0.0.0/8');
    expect(local.ok && local.spec.target).toEqual({ kind: 'local' });
    const standard = parseServerValue('rev-server', '10.0.0.0/8,#');
    expect(standard.ok && standard.spec.target).toEqual({ kind: 'default-servers' });
  });

  it('knows which values make dnsmasq 2.90 abort with a double free', () => {
    expect(revServerAbortsDnsmasq('12.168.1.0/23,127.00.0.1')).toBe(true);
    expect(revServerAbortsDnsmasq('12.168.1.0/23,localhost')).toBe(true);
    expect(revServerAbortsDnsmasq('12.168.1.0/23,127.0.0.1')).toBe(false);
    expect(revServerAbortsDnsmasq('12.168.1.0/24,127.00.0.1')).toBe(false);
  });
});
