import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { Finding, Severity } from '@kube-dns-tools/core/lint';
import type { LintOutcome } from './lint-job.js';
import { DIAGNOSTIC_SOURCE } from './protocol.js';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * What travels in `Diagnostic.data`: with the diagnostic's `code` (the rule), enough to find the finding again in
 * the server's own snapshot, even when a client reports the range in other units (Neovim 0.7: bytes).
 */
export interface DiagnosticData {
  start: number;
  end: number;
}

/** One diagnostic per finding, never changed: a finding kept across edits is published, and encoded, as before. */
const diagnosticOf = new WeakMap<Finding, Diagnostic>();

export function toDiagnostic(finding: Finding): Diagnostic {
  let diagnostic = diagnosticOf.get(finding);
  if (!diagnostic) {
    diagnostic = newDiagnostic(finding);
    diagnosticOf.set(finding, diagnostic);
  }
  return diagnostic;
}

function newDiagnostic(finding: Finding): Diagnostic {
  const data: DiagnosticData = { start: finding.span.start, end: finding.span.end };
  return {
    range: { start: finding.span.startPosition, end: finding.span.endPosition },
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    codeDescription: { href: finding.docsUrl },
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    data,
  };
}

export function toDiagnostics(findings: readonly Finding[]): Diagnostic[] {
  return findings.map((finding) => toDiagnostic(finding));
}

/** Code of the server's own diagnostics about a document it did not lint in full. */
export const NOT_FULLY_LINTED = 'not-fully-linted';

function notice(message: string): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    code: NOT_FULLY_LINTED,
    source: DIAGNOSTIC_SOURCE,
    message,
  };
}

/** The outcome's findings, then one diagnostic for findings left out or a lint abandoned for a budget. */
export function outcomeDiagnostics(outcome: LintOutcome): Diagnostic[] {
  const diagnostics = toDiagnostics(outcome.findings);
  if (outcome.omitted > 0) {
    diagnostics.push(notice(`${outcome.omitted} more findings are not shown: a document shows at most ${outcome.findings.length}. Run \`kube-dns-tools lint\` on the file to see them all.`));
  }
  if (outcome.notice) diagnostics.push(notice(outcome.notice));
  return diagnostics;
}
