import { describe, expect, it } from 'vitest';
import { applyEdits, applyPreferredFixes, fixUntilStable } from '../../src/lint/apply-fixes.js';
import type { Finding, Fix } from '../../src/lint/finding.js';
import { LineIndex } from '../../src/text/line-index.js';

const text = 'abcdef';
const lines = new LineIndex(text);
function finding(ruleId: string, fixes: Fix[]): Finding {
  return { ruleId, severity: 'warning', message: ruleId, span: lines.span(0, 0), docsUrl: '', fixes };
}

describe('applyPreferredFixes', () => {
  it('applies only preferred fixes, first finding wins an overlap, and inserts at one point wait their turn', () => {
    const outcome = applyPreferredFixes(text, [
      finding('a', [{ title: 'upper b', edits: [{ start: 1, end: 2, newText: 'B' }], preferred: true }]),
      finding('b', [{ title: 'overlaps a', edits: [{ start: 1, end: 3, newText: 'X' }], preferred: true }]),
      finding('c', [{ title: 'not preferred', edits: [{ start: 4, end: 5, newText: 'E' }] }]),
      finding('d', [{ title: 'insert at end', edits: [{ start: 6, end: 6, newText: '!' }], preferred: true }]),
      finding('e', [{ title: 'insert at end too', edits: [{ start: 6, end: 6, newText: '?' }], preferred: true }]),
      finding('f', [{ title: 'out of range', edits: [{ start: 5, end: 9, newText: '' }], preferred: true }]),
    ]);
    expect(outcome.text).toBe('aBcdef!');
    expect(outcome.applied.map((a) => a.ruleId)).toEqual(['a', 'd']);
  });

  it('applyEdits applies edits in offset order whatever order they come in', () => {
    expect(applyEdits(text, [{ start: 5, end: 6, newText: 'F' }, { start: 0, end: 1, newText: 'A' }])).toBe('AbcdeF');
  });

  it('fixUntilStable re-lints until nothing applies, within its pass limit', () => {
    // A "linter" whose rule r<n> wants an "x" once there are n-1, so each fix reveals the next rule's finding.
    const lint = (t: string): Finding[] => {
      const n = t.match(/x/g)?.length ?? 0;
      return n >= 3 ? [] : [{ ...finding('x', [{ title: 'add x', edits: [{ start: t.length, end: t.length, newText: 'x' }], preferred: true }]), ruleId: `r${n}` }];
    };
    expect(fixUntilStable('', lint).text).toBe('xxx');
    expect(fixUntilStable('', lint).nonConverging).toEqual([]);
  });

  it('fixUntilStable drops every edit of a rule that offers again the fix it applied, and names it', () => {
    const looping = (t: string): Finding[] => [
      { ...finding('q', [{ title: 'add q', edits: [{ start: t.length, end: t.length, newText: 'q' }], preferred: true }]), ruleId: 'loop' },
      ...(t.startsWith('N') ? [] : [{ ...finding('N', [{ title: 'add N', edits: [{ start: 0, end: 0, newText: 'N' }], preferred: true }]), ruleId: 'ok' }]),
    ];
    const outcome = fixUntilStable('a', looping);
    expect(outcome.text).toBe('Na');
    expect(outcome.nonConverging).toEqual(['loop']);
    expect(outcome.findings.find((f) => f.ruleId === 'loop')!.fixes.some((f) => f.preferred)).toBe(false);
  });
});
