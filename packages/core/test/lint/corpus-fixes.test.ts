import { describe, expect, it } from 'vitest';
import { applyEdits, fixUntilStable } from '../../src/lint/apply-fixes.js';
import type { Finding } from '../../src/lint/finding.js';
import { lintText } from '../../src/lint/lint-text.js';
import { corpusFiles, readCorpus } from './corpus-files.js';

const count = (findings: readonly Finding[], ruleId: string): number => findings.filter((f) => f.ruleId === ruleId).length;

describe('every fix the corpus offers', () => {
  for (const file of corpusFiles()) {
    const text = readCorpus(file);
    const before = lintText(text, { filePath: file });
    const fixable = before.findings.filter((f) => f.fixes.length > 0);
    if (fixable.length === 0) continue;
    it(`${file}: each fix removes its finding, adds none, and changes only its edits`, () => {
      for (const finding of fixable) {
        for (const fix of finding.fixes) {
          const fixed = applyEdits(text, fix.edits);
          for (const e of fix.edits) {
            expect(text.slice(0, e.start)).toBe(fixed.slice(0, e.start));
          }
          const last = [...fix.edits].sort((a, b) => b.end - a.end)[0]!;
          expect(fixed.endsWith(text.slice(last.end))).toBe(true);
          const after = lintText(fixed, { filePath: file });
          expect(after.invocations, fix.title).toBe(before.invocations);
          expect(count(after.findings, finding.ruleId), `${finding.ruleId}: ${fix.title}`).toBe(count(before.findings, finding.ruleId) - 1);
          const newRules = after.findings.filter((f) => count(before.findings, f.ruleId) === 0).map((f) => f.ruleId);
          expect(newRules, fix.title).toEqual([]);
        }
      }
    });
  }

  it('fixing everything leaves only findings without a preferred fix, and keeps line endings and comments', () => {
    for (const file of corpusFiles()) {
      const text = readCorpus(file);
      const { text: fixed, findings } = fixUntilStable(text, (t) => lintText(t, { filePath: file }).findings);
      expect(findings.filter((f) => f.fixes.some((x) => x.preferred)).map((f) => f.ruleId), file).toEqual([]);
      const comments = (t: string) => t.split(/\r?\n/).filter((l) => /^\s*#/.test(l));
      expect(comments(fixed), file).toEqual(comments(text));
      expect(fixed.includes('\r\n'), file).toBe(text.includes('\r\n'));
    }
  });
});
