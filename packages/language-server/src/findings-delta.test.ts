import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DocumentLintCache, type Finding } from '@kube-dns-tools/core/lint';
import { bigManifest } from '../test/big-manifest.js';
import { applyFindingsDelta, findingsDelta } from './findings-delta.js';

// Plain objects, as the worker's findings are (fast-check makes records without a prototype by default).
const plain = { noNullPrototype: true } as const;
const position = fc.record({ line: fc.nat(50), character: fc.nat(20) }, plain);
const edit = fc.record({ start: fc.nat(500), end: fc.nat(500), newText: fc.constantFrom('', 'x', '--no-negcache') }, plain);
const fix = fc.record({ title: fc.constantFrom('a', 'b'), edits: fc.array(edit, { maxLength: 2 }), preferred: fc.constantFrom(true, false, undefined) }, { requiredKeys: ['title', 'edits'], ...plain });
const finding: fc.Arbitrary<Finding> = fc.record({
  ruleId: fc.constantFrom('no-negcache', 'log-queries'),
  severity: fc.constantFrom('warning', 'info'),
  message: fc.constantFrom('m1', 'm2'),
  docsUrl: fc.constant('https://example.invalid/rule'),
  span: fc.record({ start: fc.nat(500), end: fc.nat(500), startPosition: position, endPosition: position }, plain),
  fixes: fc.array(fix, { maxLength: 2 }),
}, plain);

function moved(f: Finding, offset: number, lines: number): Finding {
  return {
    ...f,
    span: {
      start: f.span.start + offset,
      end: f.span.end + offset,
      startPosition: { line: f.span.startPosition.line + lines, character: f.span.startPosition.character },
      endPosition: { line: f.span.endPosition.line + lines, character: f.span.endPosition.character },
    },
    fixes: f.fixes.map((x) => ({ ...x, edits: x.edits.map((e) => ({ ...e, start: e.start + offset, end: e.end + offset })) })),
  };
}

describe('findingsDelta', () => {
  it('applied to the previous findings gives the next ones exactly, for any two lists', () => {
    fc.assert(
      fc.property(fc.array(finding, { maxLength: 12 }), fc.array(finding, { maxLength: 12 }), (previous, next) => {
        expect(applyFindingsDelta(previous, findingsDelta(7, previous, next))).toStrictEqual(next);
      }),
    );
  });

  it('sends only the middle when an edit keeps a prefix and moves a suffix, and still rebuilds it exactly', () => {
    fc.assert(
      fc.property(
        fc.array(finding, { maxLength: 10 }),
        fc.array(finding, { maxLength: 4 }),
        fc.array(finding, { maxLength: 4 }),
        fc.array(finding, { maxLength: 10 }),
        fc.integer({ min: -30, max: 30 }),
        fc.integer({ min: -3, max: 3 }),
        (head, before, after, tail, offset, lines) => {
          const previous = [...head, ...before, ...tail];
          const next = [...head.map((f) => ({ ...f })), ...after, ...tail.map((f) => moved(f, offset, lines))];
          const delta = findingsDelta(1, previous, next);
          expect(applyFindingsDelta(previous, delta)).toStrictEqual(next);
          expect(delta.added.length).toBeLessThanOrEqual(after.length);
        },
      ),
    );
  });

  it('tells a finding whose only difference is an extra field, or a missing `preferred`, from the previous one', () => {
    const [a] = fc.sample(finding, { numRuns: 1, seed: 3 });
    const withExtra = { ...a!, extra: 1 } as Finding;
    expect(applyFindingsDelta([a!], findingsDelta(1, [a!], [withExtra]))).toStrictEqual([withExtra]);
    const preferred: Finding = { ...a!, fixes: [{ title: 't', edits: [], preferred: undefined }] };
    const bare: Finding = { ...a!, fixes: [{ title: 't', edits: [] }] };
    expect(applyFindingsDelta([preferred], findingsDelta(1, [preferred], [bare]))).toStrictEqual([bare]);
  });

  it("on a 5,000-line manifest, an edit of one document carries only that document's findings", () => {
    const cache = new DocumentLintCache();
    const text = bigManifest(5000);
    const previous = cache.lint(text).findings;
    const at = text.indexOf('--cache-size=1000', text.length / 2);
    for (const value of ['100', '10000', '0']) {
      const edited = `${text.slice(0, at)}--cache-size=${value}${text.slice(at + '--cache-size=1000'.length)}`;
      const next = cache.lint(edited).findings;
      const delta = findingsDelta(1, previous, next);
      expect(applyFindingsDelta(previous, delta)).toStrictEqual(next);
      expect(previous.length).toBeGreaterThan(500);
      expect(delta.added.length).toBeLessThanOrEqual(3);
      cache.lint(text);
    }
  });
});
