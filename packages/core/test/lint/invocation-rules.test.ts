import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../src/lint/apply-fixes.js';
import { lintText } from '../../src/lint/lint-text.js';
import { lintFixture } from './fixture.js';

describe('invocation-level rules', () => {
  it('no-upstream names the domains that still resolve', () => {
    const r = lintFixture('no-upstream.yaml');
    const [f] = r.of('no-upstream');
    expect(r.at(f!)).toBe('--no-resolv');
    expect(f!.message).toMatch(/outside cluster\.local, in-addr\.arpa gets REFUSED/);
    expect(f!.severity).toBe('error');
  });

  it('no-upstream: /#/ routes every name, and --rev-server zones are named among the routed ones', () => {
    const ruleIds = (args: string) => lintText(`-k -N -q --log-facility=- -R ${args}`, { filePath: 'x.args' }).findings.map((f) => f.ruleId);
    expect(ruleIds('--server=/#/10.0.0.1')).toEqual([]);
    const [f] = lintText('-k -N -q --log-facility=- -R --rev-server=10.0.0.0/8,10.0.0.1 --server=/cluster.local/10.0.0.2', { filePath: 'x.args' }).findings;
    expect(f!.message).toMatch(/every name outside 10\.in-addr\.arpa, cluster\.local gets REFUSED/);
  });

  it('no-upstream: an empty --resolv-file without -R leaves dnsmasq just as bare', () => {
    const found = (args: string) => lintText(`-k -N -q --log-facility=- ${args}`, { filePath: 'x.args' }).findings.filter((f) => f.ruleId === 'no-upstream');
    const [f] = found('--resolv-file=/dev/null --server=/cluster.local/10.0.0.2');
    expect(f!.message).toMatch(/^--resolv-file=\/dev\/null gives dnsmasq no nameservers from a resolv file and no --server without a domain is given, so every name outside cluster\.local gets REFUSED/);
    expect(found('--resolv-file=/etc/upstream.conf --server=/cluster.local/10.0.0.2')).toEqual([]);
    expect(found('--resolv-file=/dev/null --server=10.0.0.1')).toEqual([]);
  });

  it('delegated-config asks for just the options the command line lacks', () => {
    const message = (args: string) => lintText(args, { filePath: 'x.args' }).findings.find((f) => f.ruleId === 'delegated-config')?.message;
    expect(message('-k -N -C /etc/dnsmasq.conf')).toMatch(/whether --log-queries is set cannot be judged here\. Make sure that configuration has log-queries, or pass it on/);
    expect(message('-k -C /etc/dnsmasq.conf')).toMatch(/has no-negcache and log-queries, or pass them on/);
    expect(message('-k -N -q -C /etc/dnsmasq.conf')).toBeUndefined();
    // A conf file is spoken of in its own spelling.
    const conf = lintText('no-negcache\nconf-dir=/etc/dnsmasq.d/,*.conf\n', { filePath: 'dnsmasq.conf' }).findings.find((f) => f.ruleId === 'delegated-config')?.message;
    expect(conf).toBe(
      'dnsmasq also reads its options from conf-dir=/etc/dnsmasq.d/,*.conf, which this file does not show, so whether log-queries is set cannot be judged here. Make sure that configuration has log-queries, or set it in this file.',
    );
  });

  it('resolv-conf names the resolv file, and is quiet when it can hold no nameserver', () => {
    const message = (args: string) => lintText(`-k -N -q --log-facility=- --server=10.0.0.1 ${args}`, { filePath: 'x.args' }).findings.find((f) => f.ruleId === 'resolv-conf')?.message;
    expect(message('')).toMatch(/nameservers in \/etc\/resolv\.conf, and/);
    expect(message('--resolv-file=/etc/upstream.conf')).toMatch(/nameservers in \/etc\/upstream\.conf, and/);
    expect(message('--resolv-file=/dev/null')).toBeUndefined();
    expect(message('--resolv-file=')).toBeUndefined();
  });

  it('cache-size, dns-forward-max and neg-ttl judge literal numbers', () => {
    const r = lintFixture('numbers.yaml');
    expect(r.of('cache-size').map(r.at)).toEqual(['--cache-size=0']);
    expect(r.of('dns-forward-max').map(r.at)).toEqual(['--dns-forward-max=0']);
    expect(r.of('dns-forward-max')[0]!.message).toMatch(/^--dns-forward-max=0 allows no query in flight/);
    expect(r.of('neg-ttl').map(r.at)).toEqual(['--neg-ttl=60']);
    // --neg-ttl replaces no-negcache: the choice was deliberate.
    expect(r.of('no-negcache')).toEqual([]);
  });

  it('cache-size and dns-forward-max read huge values as C atoi does (past 2^63 it saturates to -1)', () => {
    // dnsmasq 2.90 logs "cache disabled" for both; with -1 it REFUSES every forward, with -2 it exits 4 (measured).
    const lint = (word: string) => lintText(`-k -N -q -R --log-facility=- ${word} --server=10.0.0.1`, { filePath: 'x.args' }).findings;
    const message = (word: string) => lint(word).map((f) => `${f.ruleId}: ${f.message}`).join('\n');
    expect(message('--cache-size=99999999999999999999')).toMatch(/^cache-size: .*makes it -1, and that disables the cache\.$/);
    expect(message('--cache-size=4304967296')).toMatch(/makes it 10000000, and that is silently clamped to 5000000 entries/);
    expect(message('--cache-size=4294967396')).toMatch(/makes it 100\.$/);
    expect(message('--cache-size=150')).toBe('');
    expect(message('--dns-forward-max=99999999999999999999')).toMatch(/^dns-forward-max: .*read by C's atoi as -1\).*REFUSED/);
    expect(message('--dns-forward-max=4294967294')).toMatch(/read by C's atoi as -2\).*"could not get memory"/);
    expect(message('--dns-forward-max=4294967296')).toMatch(/read by C's atoi as 0\).*REFUSED/);
    expect(message('--dns-forward-max=2147483647')).toBe('');
  });

  it('--neg-ttl=0 is dnsmasq\'s default: no-negcache is still reported and neg-ttl is not', () => {
    // With --neg-ttl 0 an SOA-less negative answer lives for its CNAME chain's TTL: the incident itself.
    for (const zero of ['--neg-ttl=0', '--neg-ttl=', '--neg-ttl=4294967296']) {
      const { findings } = lintText(`-k -q -R --log-facility=- ${zero} --server=10.0.0.1`, { filePath: 'x.args' });
      expect(findings.map((f) => f.ruleId), zero).toEqual(['no-negcache']);
      expect(findings[0]!.message).toContain(`(${zero} reads as 0, dnsmasq's default, and changes none of this.)`);
    }
    const sixty = lintText('-k -q -R --log-facility=- --neg-ttl=60 --server=10.0.0.1', { filePath: 'x.args' }).findings;
    expect(sixty.map((f) => [f.ruleId, f.message.match(/\((\d+) seconds\)/)?.[1]])).toEqual([['neg-ttl', '60']]);
  });

  it('-d copies the log to stderr: no log-facility finding, and log-queries adds only -q', () => {
    const ruleIds = (args: string) => lintText(args, { filePath: 'x.args' }).findings.map((f) => f.ruleId);
    expect(ruleIds('-d -q -N -R --server=10.0.0.1')).toEqual([]);
    expect(ruleIds('-k -q -N -R --server=10.0.0.1')).toEqual(['log-facility']);
    const [f] = lintText('--no-daemon -N -R --server=10.0.0.1', { filePath: 'x.args' }).findings;
    expect([f!.ruleId, f!.fixes[0]!.title]).toEqual(['log-queries', 'Add --log-queries']);
  });

  it('adds flags in the neighbours\' short form, and log-facility follows -q', () => {
    const r = lintFixture('short-style.yaml');
    const negcache = r.of('no-negcache')[0]!;
    expect(negcache.fixes[0]!.title).toBe('Add -N');
    expect(applyEdits(r.text, negcache.fixes[0]!.edits)).toContain('args: ["-k", "-q", "-R", "-S", "10.0.0.1", "-N"]');
    const facility = r.of('log-facility')[0]!;
    expect(r.at(facility)).toBe('-q');
    expect(r.of('no-upstream')).toEqual([]);
  });

  it('the incident example gives exactly one warning, and its fix adds --no-negcache after the nanny --', () => {
    const r = lintFixture('../../../../../examples/kube-dns.yaml');
    expect(r.findings.map((f) => f.ruleId)).toEqual(['no-negcache']);
    const f = r.findings[0]!;
    expect(f.message).toMatch(/NODATA/);
    expect(f.message).toMatch(/CNAME/);
    const fixed = applyEdits(r.text, f.fixes[0]!.edits);
    expect(fixed).toContain('        - --server=10.36.8.40\n        - --no-negcache\n');
    expect(lintText(fixed).findings).toEqual([]);
  });
});

describe('severity settings', () => {
  it('turns rules off or changes their severity', () => {
    const r = lintFixture('numbers.yaml', { rules: { 'cache-size': 'off', 'neg-ttl': 'error' } });
    expect(r.of('cache-size')).toEqual([]);
    expect(r.of('neg-ttl')[0]!.severity).toBe('error');
  });
});
