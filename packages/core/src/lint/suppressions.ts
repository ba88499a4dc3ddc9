import type { WorkloadRef } from '../manifest/model.js';
import type { LineIndex } from '../text/line-index.js';
import type { Range } from '../text/source-range.js';
import { DISABLE_ANNOTATION, SUPPRESS_FILE, SUPPRESS_NEXT_LINE, SUPPRESSION_COMMENT } from './suppression-spellings.js';

export { DISABLE_ANNOTATION };

/** One rule id named by a suppression, with where it is written. */
export interface SuppressedRule {
  /** A rule id, or `*` when the suppression names no rule (it then covers every rule). */
  readonly id: string;
  readonly range: Range;
  used: boolean;
}

export interface Suppression {
  readonly kind: 'next-line' | 'file' | 'annotation';
  readonly rules: SuppressedRule[];
  readonly reason: string | undefined;
  /** The comment (from `#` to the end of the line) or the annotation value. */
  readonly range: Range;
  /** For `next-line`: the 0-based line whose findings it covers. */
  readonly line?: number;
  /** For `annotation`: the workload it sits on. */
  readonly workload?: WorkloadRef;
}

/** Finds the suppression comments of a text with one regular-expression pass. */
export function commentSuppressions(text: string, lines: LineIndex): Suppression[] {
  const found: Suppression[] = [];
  if (!text.includes(SUPPRESS_FILE)) return found;
  for (const m of text.matchAll(SUPPRESSION_COMMENT)) {
    const hash = m.index + m[1]!.length;
    const bodyStart = m.index + m[0].length - m[3]!.length;
    const parsed = parseBody(m[3]!, bodyStart);
    const range = { start: hash, end: m.index + m[0].length };
    if (m[2] !== SUPPRESS_NEXT_LINE) found.push({ kind: 'file', ...parsed, range });
    else found.push({ kind: 'next-line', ...parsed, range, line: lines.position(hash).line + 1 });
  }
  return found;
}

export function annotationSuppressions(workloads: readonly WorkloadRef[]): Suppression[] {
  const found: Suppression[] = [];
  for (const workload of workloads) {
    const annotation = workload.annotations[DISABLE_ANNOTATION];
    if (!annotation) continue;
    const raw = annotation.value;
    // A quoted value's characters start after its opening quote.
    const quoted = annotation.range.end - annotation.range.start === raw.length + 2;
    const base = annotation.range.start + (quoted ? 1 : 0);
    found.push({ kind: 'annotation', ...parseBody(raw, base), range: annotation.range, workload });
  }
  return found;
}

/** `RULE[, RULE...] -- reason`: ids separated by commas or blanks, then the reason after `--`. */
function parseBody(body: string, bodyStart: number): { rules: SuppressedRule[]; reason: string | undefined } {
  const dash = body.search(/(^|\s)--(\s|$)/);
  const idsPart = dash === -1 ? body : body.slice(0, dash);
  const reason = dash === -1 ? undefined : body.slice(dash).replace(/^\s*--/, '').trim() || undefined;
  const rules: SuppressedRule[] = [];
  for (const m of idsPart.matchAll(/[^\s,]+/g)) {
    rules.push({ id: m[0], range: { start: bodyStart + m.index, end: bodyStart + m.index + m[0].length }, used: false });
  }
  if (rules.length === 0) rules.push({ id: '*', range: { start: bodyStart, end: bodyStart + body.length }, used: false });
  return { rules, reason };
}
