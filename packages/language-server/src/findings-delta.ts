import type { Finding, Fix } from '@kube-dns-tools/core/lint';

/**
 * A document's findings told against the previous result of the same document: the first `kept` findings are
 * unchanged, the last `shifted` ones are the previous last ones moved by `offset` characters and `lines` lines
 * (an edit before them), and `added` come in between. An edit touches one YAML document, so `added` is its few
 * findings instead of the hundreds of the whole file that the worker would otherwise copy to the main thread.
 */
export interface FindingsDelta {
  /** The job id of the result this delta applies to. */
  readonly base: number;
  readonly kept: number;
  readonly shifted: number;
  readonly offset: number;
  readonly lines: number;
  readonly added: Finding[];
}

export function findingsDelta(base: number, previous: readonly Finding[], next: readonly Finding[]): FindingsDelta {
  const room = Math.min(previous.length, next.length);
  let kept = 0;
  while (kept < room && (previous[kept] === next[kept] || isMoved(previous[kept]!, next[kept]!, 0, 0))) kept++;
  let shifted = 0;
  let offset = 0;
  let lines = 0;
  if (kept < room) {
    const last = previous[previous.length - 1]!;
    const nextLast = next[next.length - 1]!;
    offset = nextLast.span.start - last.span.start;
    lines = nextLast.span.startPosition.line - last.span.startPosition.line;
    while (shifted < room - kept && isMoved(previous[previous.length - 1 - shifted]!, next[next.length - 1 - shifted]!, offset, lines)) shifted++;
  }
  if (shifted === 0) {
    offset = 0;
    lines = 0;
  }
  return { base, kept, shifted, offset, lines, added: next.slice(kept, next.length - shifted) };
}

/** The findings `findingsDelta(base, previous, next)` was made from: equal to `next`. */
export function applyFindingsDelta(previous: readonly Finding[], delta: FindingsDelta): Finding[] {
  const { kept, shifted, offset, lines } = delta;
  const tail = previous.slice(previous.length - shifted);
  return [
    ...previous.slice(0, kept),
    ...delta.added,
    ...(offset === 0 && lines === 0 ? tail : tail.map((finding) => moved(finding, offset, lines))),
  ];
}

function moved(finding: Finding, offset: number, lines: number): Finding {
  const { span } = finding;
  return {
    ...finding,
    span: {
      ...span,
      start: span.start + offset,
      end: span.end + offset,
      startPosition: { ...span.startPosition, line: span.startPosition.line + lines },
      endPosition: { ...span.endPosition, line: span.endPosition.line + lines },
    },
    fixes: finding.fixes.map((fix) => ({ ...fix, edits: fix.edits.map((edit) => ({ ...edit, start: edit.start + offset, end: edit.end + offset })) })),
  };
}

/** `b` equals `moved(a, offset, lines)`, field for field. */
function isMoved(a: Finding, b: Finding, offset: number, lines: number): boolean {
  if (a === b) return offset === 0 && lines === 0;
  const sa = a.span;
  const sb = b.span;
  return (
    a.ruleId === b.ruleId &&
    a.message === b.message &&
    a.severity === b.severity &&
    a.docsUrl === b.docsUrl &&
    sb.start === sa.start + offset &&
    sb.end === sa.end + offset &&
    sb.startPosition.line === sa.startPosition.line + lines &&
    sb.startPosition.character === sa.startPosition.character &&
    sb.endPosition.line === sa.endPosition.line + lines &&
    sb.endPosition.character === sa.endPosition.character &&
    sameKeys(a, b, FINDING_FIELDS) &&
    sameKeys(sa, sb, SPAN_FIELDS) &&
    sameKeys(sa.startPosition, sb.startPosition, POSITION_FIELDS) &&
    sameKeys(sa.endPosition, sb.endPosition, POSITION_FIELDS) &&
    a.fixes.length === b.fixes.length &&
    a.fixes.every((fix, i) => isMovedFix(fix, b.fixes[i]!, offset))
  );
}

function isMovedFix(a: Fix, b: Fix, offset: number): boolean {
  return (
    a.title === b.title &&
    a.preferred === b.preferred &&
    sameKeys(a, b, FIX_FIELDS) &&
    a.edits.length === b.edits.length &&
    a.edits.every((edit, i) => {
      const other = b.edits[i]!;
      return other.start === edit.start + offset && other.end === edit.end + offset && other.newText === edit.newText && sameKeys(edit, other, EDIT_FIELDS);
    })
  );
}

const FINDING_FIELDS = new Set(['ruleId', 'message', 'severity', 'docsUrl', 'span', 'fixes']);
const SPAN_FIELDS = new Set(['start', 'end', 'startPosition', 'endPosition']);
const POSITION_FIELDS = new Set(['line', 'character']);
const FIX_FIELDS = new Set(['title', 'preferred', 'edits']);
const EDIT_FIELDS = new Set(['start', 'end', 'newText']);

/** The same own keys, and the same values in those `isMoved` does not compare itself: `moved(a)` is then `b`. */
function sameKeys(a: object, b: object, compared: ReadonlySet<string>): boolean {
  let count = 0;
  for (const key in a) {
    if (!Object.hasOwn(a, key)) continue;
    count++;
    if (!Object.hasOwn(b, key) || (!compared.has(key) && (a as Record<string, unknown>)[key] !== (b as Record<string, unknown>)[key])) return false;
  }
  for (const key in b) if (Object.hasOwn(b, key)) count--;
  return count === 0;
}
