import { describe, expect, it } from 'vitest';
import type { Finding } from '@kube-dns-tools/core/lint';
import { combineFixes } from './fix-all.js';

function finding(ruleId: string, fixes: Finding['fixes']): Finding {
  const position = { line: 0, character: 0 };
  return { ruleId, severity: 'warning', message: ruleId, docsUrl: '', fixes, span: { start: 0, end: 0, startPosition: position, endPosition: position } };
}
const fix = (start: number, end: number, newText: string, preferred = true) => ({ title: newText, preferred, edits: [{ start, end, newText }] });

describe('combineFixes', () => {
  it('keeps disjoint fixes, sorted by offset', () => {
    const result = combineFixes([finding('a', [fix(10, 12, 'x')]), finding('b', [fix(0, 2, 'y')])]);
    expect(result.edits.map((e) => e.newText)).toEqual(['y', 'x']);
    expect(result.applied).toBe(2);
  });

  it('drops overlapping ranges and same-point insertions, first finding wins', () => {
    const result = combineFixes([
      finding('a', [fix(5, 10, 'first')]),
      finding('b', [fix(8, 12, 'overlaps')]),
      finding('c', [fix(5, 5, 'same point')]),
      finding('d', [fix(10, 10, 'touching end')]),
    ]);
    expect(result.edits.map((e) => e.newText)).toEqual(['first', 'touching end']);
    expect(result.dropped).toBe(2);
  });

  it('skips findings whose fix is not clear (several fixes, none preferred) and applies a shared fix once', () => {
    const shared = fix(3, 3, 'shared');
    const result = combineFixes([
      finding('a', [fix(0, 1, 'one', false), fix(0, 1, 'two', false)]),
      finding('b', [shared]),
      finding('c', [shared]),
    ]);
    expect(result.edits.map((e) => e.newText)).toEqual(['shared']);
    expect(result.applied).toBe(1);
    expect(result.dropped).toBe(0);
  });

  it('drops a multi-edit fix whole when one of its edits conflicts', () => {
    const both = { title: 'two edits', preferred: true, edits: [{ start: 0, end: 0, newText: 'p' }, { start: 20, end: 25, newText: 'q' }] };
    const result = combineFixes([finding('a', [fix(22, 23, 'r')]), finding('b', [both])]);
    expect(result.edits.map((e) => e.newText)).toEqual(['r']);
  });
});
