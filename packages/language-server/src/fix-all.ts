import { automaticFix, selectAutomaticFixes } from '@kube-dns-tools/core/lint';
import type { Finding, TextEdit } from '@kube-dns-tools/core/lint';

/** The fix a fix-all applies for a finding: core's one policy, shared with `lint --fix`. */
export { automaticFix };

/**
 * The edits of every automatic fix of `findings` that can be applied together, in one pass (core's
 * selectAutomaticFixes: earlier findings win, a conflicting fix is dropped whole, a shared fix is taken once).
 */
export function combineFixes(findings: readonly Finding[], textLength?: number): { edits: TextEdit[]; applied: number; dropped: number } {
  const selected = selectAutomaticFixes(findings, textLength);
  return { edits: [...selected.edits], applied: selected.applied.length, dropped: selected.dropped };
}
