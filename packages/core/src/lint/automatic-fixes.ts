import type { Finding, Fix, TextEdit } from './finding.js';

/**
 * The one fix policy every face uses (`lint --fix`, the json `fixable` field, the editor's "Fix all" and
 * `source.fixAll`). Trust first: only a fix its rule marked preferred is applied without asking; a fix that is
 * merely the only one was left unmarked on purpose (it may drop a value or guess at the user's intent).
 */
export function automaticFix(finding: Finding): Fix | undefined {
  return finding.fixes.find((fix) => fix.preferred);
}

export interface AutomaticFixes {
  /** The edits of every fix taken, sorted by offset, none overlapping. */
  readonly edits: readonly TextEdit[];
  /** The fixes taken, in the order of their findings. */
  readonly applied: readonly { readonly ruleId: string; readonly title: string }[];
  /** Automatic fixes left out because they touched an edit already taken, or their own edits were unusable. */
  readonly dropped: number;
}

/**
 * The automatic fixes of `findings` that can be applied together. Earlier findings win; a fix whose edits would
 * touch an edit already taken is dropped whole, never merged or guessed; the very same fix offered by several
 * findings (one flag added for two reasons) is taken once. `textLength` bounds the edits when it is known.
 */
export function selectAutomaticFixes(findings: readonly Finding[], textLength = Number.MAX_SAFE_INTEGER): AutomaticFixes {
  const taken: TextEdit[] = [];
  const applied: { ruleId: string; title: string }[] = [];
  const seen = new Set<string>();
  let dropped = 0;
  for (const finding of findings) {
    const fix = automaticFix(finding);
    if (!fix || fix.edits.length === 0) continue;
    const key = JSON.stringify(fix.edits);
    if (seen.has(key)) continue;
    seen.add(key);
    const usable = fix.edits.every((edit) => inBounds(edit, textLength)) && !overlapsItself(fix.edits);
    if (!usable || fix.edits.some((edit) => taken.some((other) => overlaps(edit, other)))) {
      dropped++;
      continue;
    }
    taken.push(...fix.edits);
    applied.push({ ruleId: finding.ruleId, title: fix.title });
  }
  taken.sort((a, b) => a.start - b.start || a.end - b.end);
  return { edits: taken, applied, dropped };
}

function inBounds(edit: TextEdit, length: number): boolean {
  return edit.start >= 0 && edit.end >= edit.start && edit.end <= length;
}

/** Edits overlap when they share a character, or insert at the same point (their order would be a guess). */
function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.start === b.start) return true;
  return a.start < b.end && b.start < a.end;
}

function overlapsItself(edits: readonly TextEdit[]): boolean {
  return edits.some((a, i) => edits.some((b, j) => j > i && overlaps(a, b)));
}
