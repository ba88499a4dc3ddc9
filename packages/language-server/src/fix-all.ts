import type { Finding, Fix, TextEdit } from '@kube-dns-tools/core/lint/finding';

/** The fix a fix-all applies for a finding: the preferred one, or the only one; none when the choice is not clear. */
export function automaticFix(finding: Finding): Fix | undefined {
  return finding.fixes.find((fix) => fix.preferred) ?? (finding.fixes.length === 1 ? finding.fixes[0] : undefined);
}

function conflicts(a: TextEdit, b: TextEdit): boolean {
  // Two edits at the same point have no defined order; overlapping ranges cannot both apply.
  if (a.start === b.start) return true;
  return a.start < b.end && b.start < a.end;
}

/**
 * The edits of every automatic fix of `findings` that can be applied together. A fix whose edits would touch
 * an edit already taken is dropped whole, never merged or guessed; earlier findings win. Sorted by offset.
 */
export function combineFixes(findings: readonly Finding[]): { edits: TextEdit[]; applied: number; dropped: number } {
  const taken: TextEdit[] = [];
  let applied = 0;
  let dropped = 0;
  const seen = new Set<string>();
  for (const finding of findings) {
    const fix = automaticFix(finding);
    if (!fix || fix.edits.length === 0) continue;
    // Several findings may offer the very same fix (one flag added for two reasons): apply it once.
    const key = JSON.stringify(fix.edits);
    if (seen.has(key)) continue;
    seen.add(key);
    if (fix.edits.some((edit) => taken.some((other) => conflicts(edit, other)))) {
      dropped++;
      continue;
    }
    taken.push(...fix.edits);
    applied++;
  }
  taken.sort((a, b) => a.start - b.start || a.end - b.end);
  return { edits: taken, applied, dropped };
}
