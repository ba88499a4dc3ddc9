import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../src/lint/apply-fixes.js';
import { automaticFix, selectAutomaticFixes } from '../../src/lint/automatic-fixes.js';
import { editsBetween } from '../../src/text/edits-between.js';
import type { Finding, Fix } from '../../src/lint/finding.js';
import { LineIndex } from '../../src/text/line-index.js';

const lines = new LineIndex('abcdef');
function finding(ruleId: string, fixes: Fix[]): Finding {
  return { ruleId, severity: 'warning', message: ruleId, span: lines.span(0, 0), docsUrl: '', fixes };
}
const fix = (start: number, end: number, newText: string, preferred?: boolean): Fix => ({ title: newText, edits: [{ start, end, newText }], preferred });

describe('the fix policy', () => {
  it('takes only fixes marked preferred: a fix that is merely the only one is not automatic', () => {
    expect(automaticFix(finding('a', [fix(0, 1, 'only')]))).toBeUndefined();
    expect(automaticFix(finding('a', [fix(0, 1, 'other'), fix(0, 1, 'marked', true)]))?.title).toBe('marked');
  });

  it('drops overlaps and same-point insertions, takes an identical fix once, and keeps out unusable edits', () => {
    const shared = fix(2, 2, 'shared', true);
    const selected = selectAutomaticFixes(
      [
        finding('a', [fix(0, 2, 'first', true)]),
        finding('b', [fix(1, 3, 'overlaps', true)]),
        finding('c', [shared]),
        finding('d', [shared]),
        finding('e', [fix(2, 2, 'same point', true)]),
        finding('f', [fix(5, 9, 'past the end', true)]),
        finding('g', [{ title: 'crosses itself', preferred: true, edits: [{ start: 4, end: 6, newText: '' }, { start: 5, end: 5, newText: 'x' }] }]),
      ],
      6,
    );
    expect(selected.applied.map((a) => a.ruleId)).toEqual(['a', 'c']);
    expect(selected.edits.map((e) => e.newText)).toEqual(['first', 'shared']);
    expect(selected.dropped).toBe(4);
  });
});

describe('editsBetween', () => {
  it('changes only the lines that differ', () => {
    const before = 'a\nb\nc\nd\n';
    const after = 'a\nB\nc\nd\ne\n';
    const edits = editsBetween(before, after);
    expect(edits).toEqual([
      { start: 2, end: 4, newText: 'B\n' },
      { start: 8, end: 8, newText: 'e\n' },
    ]);
  });

  it('gives the after text exactly, for any pair of texts', () => {
    const text = fc.array(fc.constantFrom('a', 'b', '\n', '\r\n', ' - -N', 'é'), { maxLength: 30 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, text, (before, after) => {
        expect(applyEdits(before, editsBetween(before, after))).toBe(after);
      }),
      { numRuns: 500 },
    );
  });
});
