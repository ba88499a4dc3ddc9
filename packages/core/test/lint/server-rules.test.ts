import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../src/lint/apply-fixes.js';
import { lintText } from '../../src/lint/lint-text.js';
import { lintFixture } from './fixture.js';

describe('server-suspicious', () => {
  const r = lintFixture('servers-suspicious.yaml');
  const messages = r.of('server-suspicious');

  it('flags each accepted-but-wrong value at its own characters', () => {
    expect(messages.map((f) => r.at(f))).toEqual(['10.0.0.1/', '10.43.0.0/16', '--server=', 'dns.example.net', '#', '0.0.0.0', '127.0.0.1', 'in6.arpa']);
    expect(messages[0]!.message).toMatch(/trailing "\/".*NXDOMAIN/);
    expect(messages[1]!.message).toMatch(/two domains.*--rev-server=10\.43\.0\.0\/16/);
    expect(messages[2]!.message).toMatch(/every name/);
    expect(messages[3]!.message).toMatch(/resolves it once at start-up/);
    expect(messages[4]!.message).toMatch(/port 0/);
    expect(messages[5]!.message).toMatch(/never uses it/);
    expect(messages[6]!.message).toMatch(/own address and port/);
  });

  it('tells 0.0.0.0 (never used) from :: (sent to this host)', () => {
    const messages = lintText('-k -N -q -R --log-facility=- --server=0.0.0.0 --server=::#5353', { filePath: 'x.args' }).findings.map((f) => f.message);
    expect(messages).toEqual([
      '--server=0.0.0.0 names the unspecified address 0.0.0.0: dnsmasq accepts it and silently never uses it.',
      '--server=::#5353 names the unspecified address ::, which dnsmasq uses as given: the system delivers those queries to this host itself (as to ::1), port 5353, not to an upstream.',
    ]);
  });

  it('fixes the trailing slash and in6.arpa in place, and offers --rev-server for a CIDR', () => {
    const fixed = (i: number) => applyEdits(r.text, messages[i]!.fixes[0]!.edits);
    expect(fixed(0)).toContain('- --server=/example.com/10.0.0.1\n');
    expect(fixed(1)).toContain('- --rev-server=10.43.0.0/16,127.0.0.1#10053\n');
    expect(messages[1]!.fixes[0]!.preferred).toBeUndefined();
    expect(fixed(7)).toContain('- --server=/ip6.arpa/127.0.0.1#10053\n');
  });
});

describe('server-syntax', () => {
  const r = lintFixture('server-syntax.yaml');

  it("quotes dnsmasq's reason, and never judges a templated value", () => {
    const found = r.of('server-syntax');
    expect(found.map((f) => f.message.match(/"bad command line options: ([^"]+)"/)?.[1])).toEqual([
      'Name or service not known',
      'bad port',
      'Bad address in --address',
    ]);
    expect(r.findings.filter((f) => r.at(f).includes('{{'))).toEqual([]);
  });

  it('rewrites ip:port as ip#port', () => {
    const f = r.of('server-syntax')[0]!;
    expect(applyEdits(r.text, f.fixes[0]!.edits)).toContain('- --server=10.0.0.1#53\n');
    expect(f.fixes[0]!.preferred).toBe(true);
  });

  it('flags a --rev-server that dnsmasq 2.90 aborts on, and writes a legacy IPv4 form plainly', () => {
    const text = '-k -N -q --log-facility=- --server=127.0.0.1 --rev-server=12.168.1.0/23,127.00.0.1#5353 --rev-server=10.0.0.0/23,localhost --rev-server=10.1.0.0/24,127.00.0.1 --rev-server=10.2.0.0/23,127.0.0.1';
    const result = lintText(text, { filePath: 'x.args' });
    const found = result.findings.filter((f) => f.ruleId === 'server-syntax');
    expect(found.map((f) => text.slice(f.span.start, f.span.end))).toEqual(['127.00.0.1', 'localhost']);
    expect(found[0]!.message).toBe('dnsmasq 2.90 crashes at start-up on --rev-server=12.168.1.0/23,127.00.0.1#5353 ("free(): double free detected in tcache 2"): ' +
      'a --rev-server that covers 2 reverse zones must name its server as a plain IP address, and 127.00.0.1 goes through a name lookup. It means 127.0.0.1.');
    expect(found[0]!.severity).toBe('error');
    expect(applyEdits(text, found[0]!.fixes[0]!.edits)).toContain(' --rev-server=12.168.1.0/23,127.0.0.1#5353 ');
    expect(found[1]!.fixes).toEqual([]);
  });
});
