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

/**
 * The optional diagnostic properties the client said it supports (`publishDiagnostics.codeDescriptionSupport`,
 * `dataSupport`): the others are not sent, since an edit re-sends every diagnostic of the file.
 */
export interface DiagnosticShape {
  readonly codeDescription: boolean;
  readonly data: boolean;
}

export const FULL_DIAGNOSTICS: DiagnosticShape = { codeDescription: true, data: true };

/** Per shape, one diagnostic per finding, never changed: a finding kept across edits is published, and encoded, as before. */
const diagnosticsByShape = new Map<string, WeakMap<Finding, Diagnostic>>();

export function toDiagnostic(finding: Finding, shape: DiagnosticShape = FULL_DIAGNOSTICS): Diagnostic {
  const key = `${shape.codeDescription} ${shape.data}`;
  let diagnosticOf = diagnosticsByShape.get(key);
  if (!diagnosticOf) {
    diagnosticOf = new WeakMap();
    diagnosticsByShape.set(key, diagnosticOf);
  }
  let diagnostic = diagnosticOf.get(finding);
  if (!diagnostic) {
    diagnostic = newDiagnostic(finding, shape);
    diagnosticOf.set(finding, diagnostic);
  }
  return diagnostic;
}

function newDiagnostic(finding: Finding, shape: DiagnosticShape): Diagnostic {
  const data: DiagnosticData = { start: finding.span.start, end: finding.span.end };
  return {
    range: { start: finding.span.startPosition, end: finding.span.endPosition },
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    ...(shape.codeDescription ? { codeDescription: { href: finding.docsUrl } } : {}),
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    ...(shape.data ? { data } : {}),
  };
}

export function toDiagnostics(findings: readonly Finding[], shape: DiagnosticShape = FULL_DIAGNOSTICS): Diagnostic[] {
  return findings.map((finding) => toDiagnostic(finding, shape));
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
export function outcomeDiagnostics(outcome: LintOutcome, shape: DiagnosticShape = FULL_DIAGNOSTICS): Diagnostic[] {
  const diagnostics = toDiagnostics(outcome.findings, shape);
  if (outcome.omitted > 0) {
    diagnostics.push(notice(`${outcome.omitted} more findings are not shown: a document shows at most ${outcome.findings.length}. Run \`kube-dns-tools lint\` on the file to see them all.`));
  }
  if (outcome.notice) diagnostics.push(notice(outcome.notice));
  return diagnostics;
}
