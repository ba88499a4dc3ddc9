import { describe, expect, it } from 'vitest';
import { fixUntilStable } from '../../src/lint/apply-fixes.js';
import { lintText } from '../../src/lint/lint-text.js';
import { readManifest } from '../../src/manifest/read-manifest.js';
import { readFixture } from './fixture.js';

function fixAll(name: string) {
  const original = readFixture(name);
  const outcome = fixUntilStable(original, (t) => lintText(t, { filePath: name }).findings);
  return { original, out: outcome.text, findings: outcome.findings, applied: outcome.applied };
}

/** The original's lines, in order, must all survive (fixes only add or rewrite argument items). */
function keepsLines(before: string, after: string, rewritten: RegExp): void {
  const afterLines = after.split(/\r?\n/);
  let at = 0;
  for (const line of before.split(/\r?\n/)) {
    if (rewritten.test(line)) continue;
    const found = afterLines.indexOf(line, at);
    expect(found, `line kept: ${JSON.stringify(line)}`).toBeGreaterThanOrEqual(0);
    at = found + 1;
  }
}

describe('fix round trips keep the file', () => {
  it('CRLF: every line still ends in CRLF, comments and the blank line stay', () => {
    const { original: text, out } = fixAll('crlf.yaml');
    expect(out).not.toMatch(/[^\r]\n/);
    expect(out).toContain('# dnsmasq\'s own arguments\r\n');
    expect(out).toContain('   # reverse IPv6\r\n\r\n');
    expect(out).toContain('- --server=/ip6.arpa/127.0.0.1#10053   # reverse IPv6\r\n');
    expect(out).toContain('        - --no-negcache\r\n        ports:\r\n');
    keepsLines(text, out, /in6\.arpa/);
  });

  it('flow sequences stay flow, with their quotes', () => {
    const { out, findings } = fixAll('flow-args.yaml');
    expect(out).toContain("args: ['--cache-size=1000', '--no-resolv', '--server=/ip6.arpa/127.0.0.1#10053', '--server=10.0.0.1#53', ");
    expect(out).toMatch(/'--no-negcache'\]\n$/);
    expect(out).toContain('# flow style, single quotes\n');
    expect(findings.map((f) => f.ruleId)).toEqual([]);
  });

  it('JSON stays valid JSON', () => {
    const { out } = fixAll('kube-dns.json');
    const parsed = JSON.parse(out) as { spec: { template: { spec: { containers: { args: string[] }[] } } } };
    expect(parsed.spec.template.spec.containers[0]!.args).toEqual([
      '--cache-size=1000',
      '--no-resolv',
      '--server=10.0.0.1#53',
      '--server=/ip6.arpa/127.0.0.1#10053',
      '--log-queries',
      '--log-facility=-',
      '--no-negcache',
    ]);
  });

  it('tabs and trailing comments are left as they were', () => {
    const { original: text, out, applied } = fixAll('tabs.yaml');
    keepsLines(text, out, /^$/);
    expect(out).toContain('    - "--server=10.0.0.1"\t# tab here too\n');
    expect(out).toContain('    - "--no-negcache"\n');
    expect(applied.length).toBeGreaterThan(0);
  });

  it('the fixed files still hold the same dnsmasq container', () => {
    for (const name of ['crlf.yaml', 'flow-args.yaml', 'kube-dns.json', 'tabs.yaml']) {
      const { original, out, findings } = fixAll(name);
      expect(readManifest(out).invocations.length, name).toBe(readManifest(original).invocations.length);
      expect(findings.every((f) => !f.fixes.some((x) => x.preferred)), name).toBe(true);
    }
  });
});
