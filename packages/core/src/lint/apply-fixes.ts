import type { Finding, Fix, TextEdit } from './finding.js';

export interface FixOutcome {
  readonly text: string;
  /** Fixes applied, in the order of their findings. */
  readonly applied: readonly { readonly ruleId: string; readonly title: string }[];
}

/** The fix `--fix` and "fix all" apply for a finding: the one marked preferred. */
export function preferredFix(finding: Finding): Fix | undefined {
  return finding.fixes.find((f) => f.preferred);
}

/** Applies the preferred fixes of the findings whose edits do not overlap edits already taken (first finding wins). */
export function applyPreferredFixes(text: string, findings: readonly Finding[]): FixOutcome {
  const taken: TextEdit[] = [];
  const applied: { ruleId: string; title: string }[] = [];
  for (const finding of findings) {
    const fix = preferredFix(finding);
    if (!fix || fix.edits.length === 0 || !fix.edits.every((e) => valid(e, text.length))) continue;
    if (fix.edits.some((e) => taken.some((t) => overlaps(e, t)))) continue;
    if (hasInternalOverlap(fix.edits)) continue;
    taken.push(...fix.edits);
    applied.push({ ruleId: finding.ruleId, title: fix.title });
  }
  return { text: applyEdits(text, taken), applied };
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

function valid(e: TextEdit, length: number): boolean {
  return e.start >= 0 && e.end >= e.start && e.end <= length;
}

/** Edits overlap when they share a character, or insert at the same point (their order would be a guess). */
function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.start === b.start) return true;
  return a.start < b.end && b.start < a.end;
}

function hasInternalOverlap(edits: readonly TextEdit[]): boolean {
  return edits.some((a, i) => edits.some((b, j) => j > i && overlaps(a, b)));
}
