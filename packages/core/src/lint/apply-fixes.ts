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

/**
 * Lints, applies preferred fixes, and lints again until nothing more applies (at most `maxPasses` rounds),
 * since fixes that touched the same place wait for the next round.
 */
export function fixUntilStable(
  text: string,
  lint: (text: string) => readonly Finding[],
  maxPasses = 10,
): FixOutcome & { readonly findings: readonly Finding[] } {
  let current = text;
  const applied: { ruleId: string; title: string }[] = [];
  let findings = lint(current);
  for (let pass = 0; pass < maxPasses; pass++) {
    const outcome = applyPreferredFixes(current, findings);
    if (outcome.applied.length === 0 || outcome.text === current) break;
    applied.push(...outcome.applied);
    current = outcome.text;
    findings = lint(current);
  }
  return { text: current, applied, findings };
}
