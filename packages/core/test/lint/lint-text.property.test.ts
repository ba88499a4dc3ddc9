import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LintResult } from '../../src/lint/lint-text.js';
import { compareFindings, lintText } from '../../src/lint/lint-text.js';
import { readFixture } from './fixture.js';

function wellFormed(text: string, result: LintResult): void {
  for (const f of result.findings) {
    expect(f.span.start).toBeGreaterThanOrEqual(0);
    expect(f.span.end).toBeLessThanOrEqual(text.length);
    expect(f.span.start).toBeLessThanOrEqual(f.span.end);
    expect(f.ruleId).not.toBe('internal-error');
    for (const fix of f.fixes) for (const e of fix.edits) expect(e.start >= 0 && e.start <= e.end && e.end <= text.length).toBe(true);
  }
  const sorted = [...result.findings].sort(compareFindings);
  expect(result.findings).toEqual(sorted);
}

const seeds = ['servers-suspicious.yaml', 'argv-problems.yaml', 'flow-args.yaml', 'kube-dns.json', 'suppressions.yaml'].map(readFixture);
const words = fc.constantFrom('--server=', '/', '#', '-N', '-q', '--', '{{ x }}', '{% if a %}', '"', "'", '\n', '\r\n', '\t', ': ', '- ', '[', ']', '{', '}', ',', '😀', '\u0000', 'dnsmasq', 'args:', 'command:', 'kind: Deployment', '---', '# kube-dns-tools-disable', 'in6.arpa', '--cache-size', '1000');

const confPieces = fc.constantFrom('server', 'no-negcache', 'cache-size', 'log-queries', 'no-neg', '=', ' ', '\t', '#', ' #', '"', '\\"', '\\', '1.2.3.4', '#53', '/cluster.local/', '{{ x }}', '{% if a %}', '{% endif %}', '\n', '\r\n', '😀', '\u0000');
describe('lintText never crashes', () => {
  it('on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => wellFormed(text, lintText(text))), { numRuns: 300 });
  });

  it('on arbitrary bytes decoded as text', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const text = new TextDecoder().decode(bytes);
        wellFormed(text, lintText(text, { filePath: 'x.json' }));
      }),
      { numRuns: 200 },
    );
  });

  it('on arbitrary JSON values', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
      const text = JSON.stringify(value, null, 2) ?? '';
      wellFormed(text, lintText(text, { filePath: 'x.json' }));
    }), { numRuns: 200 });
  });

  it('on dnsmasq conf files made of option names, blanks, quotes, comments and templates', () => {
    fc.assert(
      fc.property(fc.array(confPieces, { maxLength: 40 }), (pieces) => {
        const text = `no-negcache\nlog-queries\n${pieces.join('')}`;
        wellFormed(text, lintText(text, { filePath: 'dnsmasq.conf.j2' }));
      }),
      { numRuns: 300 },
    );
  });

  it('on real manifests with random edits (cuts, insertions of YAML/template tokens)', () => {
    fc.assert(
      fc.property(fc.nat(seeds.length - 1), fc.array(fc.tuple(fc.nat(), fc.nat(40), fc.array(words, { maxLength: 4 })), { maxLength: 6 }), (i, edits) => {
        let text = seeds[i]!;
        for (const [at, cut, inserted] of edits) {
          const p = at % (text.length + 1);
          text = text.slice(0, p) + inserted.join('') + text.slice(p + cut);
        }
        wellFormed(text, lintText(text, { filePath: 'x.yaml.j2' }));
      }),
      { numRuns: 300 },
    );
  });
});
