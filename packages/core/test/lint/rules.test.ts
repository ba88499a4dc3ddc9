import { describe, expect, it } from 'vitest';
import { applyEdits, fixUntilStable } from '../../src/lint/apply-fixes.js';
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
});

describe('argv-level rules', () => {
  const r = lintFixture('argv-problems.yaml');

  it('unknown-option suggests the real name; an ambiguous abbreviation lists its candidates', () => {
    const [typo, ambiguous] = r.of('unknown-option');
    expect(r.at(typo!)).toBe('--no-negative-cache');
    expect(typo!.message).toMatch(/Did you mean --no-negcache/);
    expect(typo!.fixes.find((f) => f.preferred)?.edits[0]?.newText).toBe('--no-negcache');
    expect(ambiguous!.message).toMatch(/--cache-size.*--cache-rr/);
    expect(ambiguous!.fixes.some((f) => f.preferred)).toBe(false);
  });

  it('option-argument joins a separated optional value, and reports flags with values and missing values', () => {
    const [joined, flagValue, badNumber, missing] = r.of('option-argument');
    expect(r.at(badNumber!)).toBe('1k');
    expect(badNumber!.message).toMatch(/--dns-forward-max=1k.*try --help/);
    expect(r.at(joined!)).toBe('--cache-size\n        - "1000');
    expect(applyEdits(r.text, joined!.fixes[0]!.edits)).toContain('        - --cache-size=1000\n        - --port=53\n');
    expect(r.at(flagValue!)).toBe('--no-resolv=yes');
    expect(r.at(missing!)).toBe('--server');
  });

  it('repeated-option points at the second occurrence', () => {
    const [f] = r.of('repeated-option');
    expect(r.at(f!)).toBe('--port=5353');
    expect(f!.message).toMatch(/illegal repeated flag/);
  });

  it('does not prefer appending a flag after an option that waits for its value, nor next to a misspelling', () => {
    const f = r.of('no-negcache')[0]!;
    expect(f.fixes.some((x) => x.preferred)).toBe(false);
    expect(f.message).toMatch(/--no-negative-cache looks like a misspelling/);
  });
});

describe('invocation-level rules', () => {
  it('no-upstream names the domains that still resolve', () => {
    const r = lintFixture('no-upstream.yaml');
    const [f] = r.of('no-upstream');
    expect(r.at(f!)).toBe('--no-resolv');
    expect(f!.message).toMatch(/outside cluster\.local, in-addr\.arpa gets REFUSED/);
    expect(f!.severity).toBe('error');
  });

  it('cache-size, dns-forward-max and neg-ttl judge literal numbers', () => {
    const r = lintFixture('numbers.yaml');
    expect(r.of('cache-size').map(r.at)).toEqual(['--cache-size=0']);
    expect(r.of('dns-forward-max').map(r.at)).toEqual(['--dns-forward-max=0']);
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

describe('positions', () => {
  it('count UTF-16 units, as LSP does', () => {
    const r = lintFixture('unicode.yaml');
    const f = r.of('server-suspicious')[0]!;
    expect(r.at(f)).toBe('in6.arpa');
    const line = r.text.split('\n')[f.span.startPosition.line]!;
    expect(line.slice(f.span.startPosition.character, f.span.endPosition.character)).toBe('in6.arpa');
    expect(f.span.startPosition).toEqual({ line: 9, character: 28 });
  });

  it('findings are sorted by position', () => {
    const r = lintFixture('servers-suspicious.yaml');
    const starts = r.findings.map((f) => f.span.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });
});

describe('severity settings', () => {
  it('turns rules off or changes their severity', () => {
    const r = lintFixture('numbers.yaml', { rules: { 'cache-size': 'off', 'neg-ttl': 'error' } });
    expect(r.of('cache-size')).toEqual([]);
    expect(r.of('neg-ttl')[0]!.severity).toBe('error');
  });
});

describe('dnsmasq conf files', () => {
  it('are read line by line as long options, and fixed with conf lines', () => {
    const text = '# upstreams\nserver=/cluster.local/127.0.0.1#10053\nserver=/in6.arpa/127.0.0.1#10053\ncache-size 1000\n';
    const { findings } = lintText(text, { filePath: 'dnsmasq.d/01-kube-dns.conf' });
    const at = (id: string) => findings.filter((f) => f.ruleId === id).map((f) => text.slice(f.span.start, f.span.end));
    expect(at('server-suspicious')).toEqual(['in6.arpa']);
    expect(at('unknown-option')).toEqual(['cache-size 1000']);
    const negcache = findings.find((f) => f.ruleId === 'no-negcache')!;
    expect(applyEdits(text, negcache.fixes[0]!.edits)).toBe(`${text}no-negcache\n`);
    const in6 = findings.find((f) => f.ruleId === 'server-suspicious')!;
    expect(applyEdits(text, in6.fixes[0]!.edits)).toContain('\nserver=/ip6.arpa/127.0.0.1#10053\n');
  });
});

describe('other .conf files', () => {
  it('are not read as dnsmasq configuration', () => {
    const nginx = 'server {\n  listen 80;\n  location / { proxy_pass http://app; }\n}\n';
    expect(lintText(nginx, { filePath: 'nginx/default.conf' })).toEqual({ findings: [], invocations: 0, configMaps: 0 });
    const resolv = 'nameserver 10.0.0.1\nsearch cluster.local\n';
    expect(lintText(resolv, { filePath: 'resolv.conf' }).invocations).toBe(0);
  });
});

describe('merged-arguments and ConfigMap shapes', () => {
  const r = lintFixture('merged-and-configmaps.yaml');

  it('finds two options in one list item, with or without the lost "- "', () => {
    expect(r.of('merged-arguments').map(r.at)).toEqual(['--log-facility=-', '- --no-negcache']);
    expect(r.of('merged-arguments')[1]!.message).toMatch(/lost its line break/);
  });

  it('configmap-json checks the shape kube-dns expects, not just the JSON', () => {
    const [upstreams, stubs] = r.of('configmap-json');
    expect(upstreams!.message).toMatch(/at most 3 upstream nameservers; 4 are given/);
    expect(stubs!.message).toMatch(/"10\.0\.0\.1#53" \(for "lab\.example"\) is neither an IP address/);
    expect(r.at(stubs!)).toContain('"acme.local": ["1.2.3.4:5353"]');
  });

  it('configmap-json accepts what kube-dns accepts: ports on upstreams, host names for stub domains', () => {
    const problems = (data: string) => {
      const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: kube-dns\n  namespace: kube-system\ndata:\n${data}`;
      return lintText(text, { filePath: 'cm.yaml' }).findings.map((f) => f.message);
    };
    expect(problems('  upstreamNameservers: \'["8.8.8.8:5353", "[2001:db8::1]:53", "2001:db8::2"]\'\n')).toEqual([]);
    expect(problems('  stubDomains: \'{"corp.example": ["dns.corp.example", "10.0.0.1:0", "fd00::53"]}\'\n')).toEqual([]);
    expect(problems('  upstreamNameservers: \'["8.8.8.8:0"]\'\n')).toEqual(['upstreamNameservers: "8.8.8.8:0" is not an IP address (a ":port" from 1 to 65535 may follow).']);
    expect(problems('  upstreamNameservers: \'["dns.google"]\'\n')).toHaveLength(1);
    expect(problems('  stubDomains: \'{"corp.example": ["dns.corp.example:53"]}\'\n')).toHaveLength(1);
    expect(problems('  stubDomains: \'{"Corp_Example": ["10.0.0.1"]}\'\n')).toEqual(['stubDomains: "Corp_Example" is not a valid domain name (lower-case letters, digits, "-" and ".").']);
  });
});

describe('examples/kube-dns-mistakes.yaml', () => {
  it('shows each mistake once, and --fix repairs all of them', () => {
    const r = lintFixture('../../../../../examples/kube-dns-mistakes.yaml');
    expect(r.findings.map((f) => f.ruleId)).toEqual([
      'no-negcache',
      'option-argument',
      'unknown-option',
      'log-facility',
      'server-syntax',
      'server-suspicious',
      'server-suspicious',
    ]);
    const fixed = fixUntilStable(r.text, (t) => lintText(t).findings);
    expect(fixed.findings).toEqual([]);
    expect(fixed.text).toContain('- --no-negcache   ');
  });
});
