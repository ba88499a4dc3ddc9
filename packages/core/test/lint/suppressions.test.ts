import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../src/lint/apply-fixes.js';
import { lintText } from '../../src/lint/lint-text.js';
import { lintFixture } from './fixture.js';

describe('suppressions', () => {
  const r = lintFixture('suppressions.yaml');

  it('next-line comments, file comments and the workload annotation suppress their rules', () => {
    expect(r.of('no-negcache')).toEqual([]);
    expect(r.of('log-queries')).toEqual([]);
    expect(r.of('resolv-conf')).toEqual([]);
  });

  it('a suppression without a reason is reported, and still suppresses', () => {
    const [f] = r.of('suppression-reason');
    expect(r.at(f!)).toBe('# kube-dns-tools-disable log-queries');
    expect(f!.message).toMatch(/-- <why/);
  });

  it('an unused suppression and an unknown rule id are reported, with a fix that removes the comment line', () => {
    const unused = r.of('unused-suppression');
    expect(unused.map(r.at)).toEqual(['server-suspicious', 'no-such-rule']);
    expect(unused[1]!.message).toMatch(/not a kube-dns-tools rule/);
    const fixed = applyEdits(r.text, unused[0]!.fixes[0]!.edits);
    expect(fixed).not.toContain('nothing wrong on the next line');
    expect(fixed).toContain('        args:\n        - --server=10.0.0.1\n');
  });

  it('a suppression of a rule that is switched off is not unused', () => {
    const text = '# kube-dns-tools-disable cache-size -- we like it small\n' + r.text.split('\n').slice(1).join('\n');
    const off = lintText(text, { rules: { 'cache-size': 'off' } });
    expect(off.findings.filter((f) => f.ruleId === 'unused-suppression').map((f) => text.slice(f.span.start, f.span.end))).toEqual([
      'server-suspicious',
      'no-such-rule',
    ]);
  });

  it('internal-error is a rule a suppression may name; the rules about suppressions cannot be suppressed', () => {
    const text = '# kube-dns-tools-disable internal-error -- reported upstream\n# kube-dns-tools-disable unused-suppression -- noisy\n-k -N -q -R --log-facility=- --server=10.0.0.1\n';
    const messages = lintText(text, { filePath: 'x.args' }).findings.map((f) => f.message);
    expect(messages).toEqual([
      'This suppression of internal-error suppresses nothing; remove it.',
      'unused-suppression is about the suppressions themselves and cannot be suppressed, so this suppresses nothing.',
    ]);
  });

  it('meta rules can be switched off too', () => {
    const quiet = lintFixture('suppressions.yaml', { rules: { 'unused-suppression': 'off', 'suppression-reason': 'off' } });
    expect(quiet.findings).toEqual([]);
  });
});
