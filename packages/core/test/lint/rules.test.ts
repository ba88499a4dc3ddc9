import { describe, expect, it } from 'vitest';
import { applyEdits, fixUntilStable } from '../../src/lint/apply-fixes.js';
import { lintText } from '../../src/lint/lint-text.js';
import { lintFixture } from './fixture.js';

describe('argv-level rules', () => {
  const r = lintFixture('argv-problems.yaml');

  it('unknown-option suggests the real name; an ambiguous abbreviation lists its candidates', () => {
    const [typo, ambiguous] = r.of('unknown-option');
    expect(r.at(typo!)).toBe('--no-negative-cache');
    expect(typo!.message).toMatch(/Did you mean --no-negcache/);
    // A rewrite to another option is offered, never applied by --fix.
    expect(typo!.fixes[0]?.edits[0]?.newText).toBe('--no-negcache');
    expect(typo!.fixes.some((f) => f.preferred)).toBe(false);
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

  it('keeps source offsets, so findings point at the characters in the file', () => {
    const text = 'no-negcache\nlog-queries\nlog-facility=-\nno-resolv\nserver = "10.0.0.1#x" # upstream\n';
    const f = lintText(text, { filePath: 'dnsmasq.conf' }).findings.find((x) => x.ruleId === 'server-syntax');
    expect(text.slice(f!.span.start, f!.span.end)).toBe('x');
    expect(f!.message).toContain('"bad port at line 5"');
  });
});

describe('a conf file read on its own may serve a host as well as a container', () => {
  const configMap = (conf: string) =>
    `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: dnsmasq\ndata:\n  dnsmasq.conf: |\n${conf.replace(/^/gm, '    ')}`;

  it('so log-queries without log-facility is no warning, and the log-queries fix leaves where the log goes alone', () => {
    const quiet = 'no-negcache\nno-resolv\nserver=10.0.0.1\n';
    const own = lintText(quiet, { filePath: 'dnsmasq.conf' }).findings;
    const noLog = own.find((f) => f.ruleId === 'log-queries')!;
    expect(noLog.message).toMatch(/Add log-queries\. In a container, which has no syslog, add log-facility=- too\.$/);
    expect(applyEdits(quiet, noLog.fixes[0]!.edits)).toBe(quiet + 'log-queries\n');
    expect(lintText('log-queries\nno-negcache\nno-resolv\nserver=10.0.0.1\n', { filePath: 'dnsmasq.conf' }).findings).toEqual([]);
    const negcache = lintText('log-queries\nno-resolv\nserver=10.0.0.1\n', { filePath: 'dnsmasq.conf' }).findings[0]!;
    expect(negcache.message).toContain('every client gets that empty answer');
  });

  it('while the same text in a ConfigMap is a container\'s: log-facility is a warning there', () => {
    const findings = lintText(configMap('log-queries\nno-negcache\nno-resolv\nserver=10.0.0.1\n'), { filePath: 'cm.yaml' }).findings;
    expect(findings.map((f) => f.ruleId)).toEqual(['log-facility']);
    const noLog = lintText(configMap('no-negcache\nno-resolv\nserver=10.0.0.1\n'), { filePath: 'cm.yaml' }).findings;
    expect(noLog.map((f) => f.ruleId)).toEqual(['log-queries']);
    expect(noLog[0]!.message).toContain('Add log-queries and log-facility=-.');
    const negcache = lintText(configMap('log-queries\nlog-facility=-\nno-resolv\nserver=10.0.0.1\n'), { filePath: 'cm.yaml' }).findings[0]!;
    expect(negcache.message).toContain('every pod gets that empty answer');
  });
});

describe('dnsmasq conf files: refusals in dnsmasq\'s conf-file words', () => {
  it('quote what dnsmasq 2.90 prints for the line, and refuse abbreviations a command line would take', () => {
    const text = 'no-neg\nlog-queries\nlog-facility=-\nserver=10.0.0.1#x\ncache-size=100\ncache-size=200\nno-resolv=yes\nserver=10.0.0.2\n';
    const { findings } = lintText(text, { filePath: 'dnsmasq.conf' });
    const refusals = findings.filter((f) => f.message.startsWith('dnsmasq refuses'));
    const says = refusals.map((f) => [f.ruleId, text.slice(f.span.start, f.span.end), f.message.match(/^dnsmasq refuses (?:a second )?([^:]+): "([^"]+)"/)?.slice(1)]);
    expect(says).toEqual([
      ['unknown-option', 'no-neg', ['no-neg', 'bad option at line 1']],
      ['server-syntax', 'x', ['server=10.0.0.1#x', 'bad port at line 4']],
      ['repeated-option', 'cache-size=200', ['cache-size', 'illegal repeated keyword at line 6']],
      ['option-argument', 'no-resolv=yes', ['no-resolv=yes', 'extraneous parameter at line 7']],
    ]);
    const fix = refusals[0]!.fixes[0]!;
    expect(refusals[0]!.fixes.some((f) => f.preferred)).toBe(false);
    const noLog = lintText('no-negcache\nno-resolv\nserver=10.0.0.1\n', { filePath: 'dnsmasq.conf' }).findings.find((f) => f.ruleId === 'log-queries');
    expect(noLog?.fixes[0]?.title).toBe('Add log-queries');
    const conf = lintText('no-negcache\nlog-queries\nserver=10.0.0.1\n', { filePath: 'dnsmasq.conf' }).findings;
    expect(conf.map((f) => f.ruleId)).toEqual(['resolv-conf']);
    expect(conf.filter((f) => /--[a-z]/.test(f.message)).map((f) => f.message)).toEqual([]);
    // Every rule speaks of a conf file's options as it writes them, fix titles included.
    const more = ['cache-size=0\nneg-ttl=60\nserver=/10.0.0.0/8/10.0.0.1\nserver=/in6.arpa/10.0.0.2\n', 'conf-dir=/etc/dnsmasq.d\n'].flatMap((t) => lintText(t, { filePath: 'dnsmasq.conf' }).findings);
    expect(more.map((f) => f.ruleId).sort()).toEqual(['cache-size', 'delegated-config', 'log-queries', 'neg-ttl', 'server-suspicious', 'server-suspicious']);
    expect(more.filter((f) => /--[a-z]|-N\//.test(f.message + f.fixes.map((x) => x.title).join())).map((f) => f.message)).toEqual([]);
    const mergedLine = lintText('no-negcache\nlog-queries --log-facility=-\n', { filePath: 'dnsmasq.conf' }).findings;
    const merged = mergedLine.map((f) => f.ruleId);
    expect(merged).toContain('unknown-option');
    expect(merged).not.toContain('merged-arguments');
    expect(mergedLine.find((f) => f.ruleId === 'log-queries')?.message).toMatch(/^log-queries --log-facility looks like a misspelling of log-queries /);
    expect([fix.title, applyEdits(text, fix.edits).split('\n')[0]]).toEqual(['Change to no-negcache', 'no-negcache']);
  });
});

describe('an option and its value in one word, separated by a blank', () => {
  it('is fixed to option=value, in an argv and in a conf file', () => {
    const pod = (args: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: dnsmasq\nspec:\n  containers:\n  - name: dnsmasq\n    image: example/dnsmasq:2.90\n    args: ["-k", "-N", "-q", "-R", "--log-facility=-", "--server=10.0.0.1", ${args}]\n`;
    for (const [file, text, fixed] of [
      ['pod.yaml', pod('"--cache-size 1000"'), '"--cache-size=1000"]\n'],
      ['dnsmasq.conf', 'no-negcache\nlog-queries\nlog-facility=-\ncache-size 1000\n', 'cache-size=1000\n'],
    ] as const) {
      const f = lintText(text, { filePath: file }).findings.find((x) => x.ruleId === 'unknown-option')!;
      expect(f.message, file).toMatch(/The value must follow "=": write (--)?cache-size=1000\.$/);
      const fix = f.fixes.find((x) => x.preferred)!;
      expect(applyEdits(text, fix.edits).endsWith(fixed), file).toBe(true);
    }
    const flag = lintText(pod('"--no-hosts yes"'), { filePath: 'pod.yaml' }).findings;
    expect(flag.find((x) => x.ruleId === 'unknown-option')?.message).toMatch(/Did you mean --no-hosts\?$/);
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
    expect(r.at(stubs!)).toBe('"10.0.0.1#53"');
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
    // A dotted name ending in a number is a mistyped address, which the nanny would pass to dnsmasq as a --server it refuses.
    expect(problems('  stubDomains: \'{"corp.example": ["10.0.0.256"]}\'\n')).toEqual(['stubDomains: "10.0.0.256" (for "corp.example") is neither an IP address (a ":port" may follow) nor a host name.']);
    expect(problems('  stubDomains: \'{"Corp_Example": ["10.0.0.1"]}\'\n')).toEqual(['stubDomains: "Corp_Example" is not a valid domain name (lower-case letters, digits, "-" and ".").']);
  });
});

describe('examples/kube-dns-mistakes.yaml', () => {
  it('shows each mistake once, and --fix repairs all of them but the misspelling, which it only suggests', () => {
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
    // --no-negative-cache -> --no-negcache is a rewrite to another option: a human applies it.
    expect(fixed.findings.map((f) => f.ruleId)).toEqual(['no-negcache', 'unknown-option']);
    expect(fixed.findings.some((f) => f.fixes.some((x) => x.preferred))).toBe(false);
    expect(fixed.text).toContain('- --no-negative-cache   ');
    const suggested = fixed.findings[1]!.fixes[0]!;
    expect(fixUntilStable(applyEdits(fixed.text, suggested.edits), (t) => lintText(t).findings).findings).toEqual([]);
  });
});
