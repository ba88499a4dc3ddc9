import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { Finding, Severity } from '@kube-dns-tools/core/lint/finding';
import { DIAGNOSTIC_SOURCE } from './protocol.js';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What travels in `Diagnostic.data`: enough to find the finding again in the server's own snapshot. */
export interface DiagnosticData {
  ruleId: string;
  start: number;
  end: number;
}

export function toDiagnostic(finding: Finding): Diagnostic {
  const data: DiagnosticData = { ruleId: finding.ruleId, start: finding.span.start, end: finding.span.end };
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
