import type { ManifestModel, WorkloadRef } from '../manifest/model.js';
import type { Finding, Fix, RuleSetting, Severity } from './finding.js';
import type { LineIndex } from '../text/line-index.js';
import { docsUrl } from './rule.js';
import { MODEL_RULES } from './rules/index.js';
import { COREFILE_RULES } from './rules/corefile/index.js';
import { internalError, suppressionReason, unusedSuppression } from './rules/suppression-rules.js';
import { annotationSuppressions, commentSuppressions, type Suppression } from './suppressions.js';

/** Rules whose findings a suppression can drop; the two about suppressions are judged after them. */
const SUPPRESSIBLE = new Set([...MODEL_RULES.map((r) => r.id), ...COREFILE_RULES.map((r) => r.id), internalError.id]);
const ABOUT_SUPPRESSIONS = new Set([unusedSuppression.id, suppressionReason.id]);

/** A finding before suppressions are applied: the engine keeps where it came from. */
export interface PendingFinding {
  readonly finding: Finding;
  readonly workload: WorkloadRef | undefined;
}

/** Drops suppressed findings, then adds findings about suppressions that lack a reason or suppress nothing. */
export function applySuppressions(
  text: string,
  lines: LineIndex,
  model: ManifestModel,
  pending: readonly PendingFinding[],
  severityOf: (id: string, fallback: Severity) => RuleSetting,
): Finding[] {
  const workloads = [...model.invocations.map((i) => i.workload), ...model.configMaps.map((c) => c.workload)];
  const suppressions = [...commentSuppressions(text, lines), ...annotationSuppressions(unique(workloads))];
  if (suppressions.length === 0) return pending.map((p) => p.finding);

  const kept: Finding[] = [];
  for (const p of pending) {
    const covering = suppressions.filter((s) => covers(s, p));
    let suppressed = false;
    for (const s of covering) {
      for (const rule of s.rules) {
        if (rule.id === p.finding.ruleId || rule.id === '*') {
          rule.used = true;
          suppressed = true;
        }
      }
    }
    if (!suppressed) kept.push(p.finding);
  }

  const reasonSeverity = severityOf(suppressionReason.id, suppressionReason.defaultSeverity);
  const unusedSeverity = severityOf(unusedSuppression.id, unusedSuppression.defaultSeverity);
  for (const s of suppressions) {
    if (reasonSeverity !== 'off' && s.reason === undefined) {
      kept.push(meta(lines, suppressionReason.id, reasonSeverity, s.range.start, s.range.end,
        `This suppression gives no reason: say why after "--", e.g. "# kube-dns-tools-${s.kind === 'file' ? 'disable' : 'disable-next-line'} ${s.rules.map((r) => r.id).filter((id) => id !== '*').join(', ') || 'RULE'} -- <why this is fine here>".`, []));
    }
    if (unusedSeverity === 'off') continue;
    for (const rule of s.rules) {
      if (rule.used) continue;
      const known = rule.id === '*' || SUPPRESSIBLE.has(rule.id);
      if (known && rule.id !== '*' && severityOf(rule.id, 'warning') === 'off') continue;
      const message = known
        ? `This suppression of ${rule.id === '*' ? 'every rule' : rule.id} suppresses nothing${s.kind === 'next-line' ? ' on the next line' : ''}; remove it.`
        : ABOUT_SUPPRESSIONS.has(rule.id)
          ? `${rule.id} is about the suppressions themselves and cannot be suppressed, so this suppresses nothing.`
          : `"${rule.id}" is not a kube-dns-tools rule, so this suppression suppresses nothing.`;
      const fixes = s.kind !== 'annotation' && s.rules.every((r) => !r.used) ? removeComment(text, s) : [];
      kept.push(meta(lines, unusedSuppression.id, unusedSeverity, rule.range.start, rule.range.end, message, fixes));
    }
  }
  return kept;
}

function covers(s: Suppression, p: PendingFinding): boolean {
  if (s.kind === 'file') return true;
  if (s.kind === 'next-line') return p.finding.span.startPosition.line === s.line;
  return p.workload !== undefined && s.workload !== undefined && p.workload.kindRange.start === s.workload.kindRange.start;
}

/** Removes the comment; a comment alone on its line goes with its line. */
function removeComment(text: string, s: Suppression): Fix[] {
  let start = s.range.start;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  let end = s.range.end;
  if (start === 0 || text[start - 1] === '\n' || text[start - 1] === '\r') {
    if (text[end] === '\r') end++;
    if (text[end] === '\n') end++;
  }
  return [{ title: 'Remove this suppression', edits: [{ start, end, newText: '' }], preferred: true }];
}

function meta(lines: LineIndex, ruleId: string, severity: Severity, start: number, end: number, message: string, fixes: Fix[]): Finding {
  return { ruleId, severity, message, span: lines.span(start, end), docsUrl: docsUrl(ruleId), fixes };
}

function unique<T extends { kindRange: { start: number } }>(items: readonly T[]): T[] {
  const seen = new Set<number>();
  return items.filter((i) => !seen.has(i.kindRange.start) && (seen.add(i.kindRange.start), true));
}
