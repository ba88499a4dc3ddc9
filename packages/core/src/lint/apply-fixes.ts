import { automaticFix, selectAutomaticFixes } from './automatic-fixes.js';
import type { Finding, TextEdit } from './finding.js';

export interface FixOutcome {
  readonly text: string;
  /** Fixes applied, in the order of their findings. */
  readonly applied: readonly { readonly ruleId: string; readonly title: string }[];
}

/** The fix `--fix` and "fix all" apply for a finding: the one marked preferred (see automatic-fixes.ts). */
export const preferredFix = automaticFix;

/** Applies the automatic fixes of the findings that can be applied together (first finding wins an overlap). */
export function applyPreferredFixes(text: string, findings: readonly Finding[]): FixOutcome {
  const selected = selectAutomaticFixes(findings, text.length);
  return { text: applyEdits(text, selected.edits), applied: selected.applied };
}

/** Applies non-overlapping edits given as offsets into `text`. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    out += text.slice(at, e.start) + e.newText;
    at = e.end;
  }
  return out + text.slice(at);
}

export interface StableOutcome extends FixOutcome {
  readonly findings: readonly Finding[];
  /** Rules whose fix did not converge (a round offered again a fix it had applied): none of their edits is kept,
   *  and their findings are no longer marked fixable. */
  readonly nonConverging: readonly string[];
}

/**
 * Lints, applies preferred fixes, and lints again until nothing more applies (at most `maxPasses` rounds),
 * since fixes that touched the same place wait for the next round. A rule whose applied fixes leave it with as
 * many fixable findings as before did not converge: the whole run starts again from `text` without that rule's
 * fixes, so the result holds nothing of it.
 */
export function fixUntilStable(text: string, lint: (text: string) => readonly Finding[], maxPasses = 10): StableOutcome {
  const excluded = new Set<string>();
  for (;;) {
    const run = fixRounds(text, lint, maxPasses, excluded);
    if (run.culprits.length === 0) {
      const nonConverging = [...excluded].sort();
      const findings = run.findings.map((f) => (excluded.has(f.ruleId) ? withoutPreferred(f) : f));
      return { text: run.text, applied: run.applied, findings, nonConverging };
    }
    for (const id of run.culprits) excluded.add(id);
  }
}

function fixRounds(text: string, lint: (text: string) => readonly Finding[], maxPasses: number, excluded: ReadonlySet<string>) {
  let current = text;
  const applied: { ruleId: string; title: string }[] = [];
  const offered = (findings: readonly Finding[]) => findings.filter((f) => !excluded.has(f.ruleId));
  let findings = lint(current);
  for (let pass = 0; pass < maxPasses; pass++) {
    const outcome = applyPreferredFixes(current, offered(findings));
    if (outcome.applied.length === 0 || outcome.text === current) return { text: current, applied, findings, culprits: [] };
    const before = fixableByRule(offered(findings));
    applied.push(...outcome.applied);
    current = outcome.text;
    findings = lint(current);
    const after = fixableByRule(offered(findings));
    const rules = new Set(outcome.applied.map((a) => a.ruleId));
    const culprits = [...rules].filter((id) => (after.get(id) ?? 0) >= (before.get(id) ?? 0) || pass === maxPasses - 1);
    if (culprits.length > 0) return { text: current, applied, findings, culprits };
  }
  return { text: current, applied, findings, culprits: [] };
}

function fixableByRule(findings: readonly Finding[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of findings) if (preferredFix(f)) counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
  return counts;
}

function withoutPreferred(finding: Finding): Finding {
  return { ...finding, fixes: finding.fixes.map(({ preferred: _preferred, ...fix }) => fix) };
}
