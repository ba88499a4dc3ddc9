import { automaticFix } from '@kube-dns-tools/core/lint';
import type { Finding } from '@kube-dns-tools/core/lint';

/** One linted file as the formatters see it. */
export interface FileReport {
  readonly filePath: string;
  readonly findings: readonly Finding[];
  /** The text the findings are in (the fixed text after --fix); SARIF fingerprints hash its lines. */
  readonly text?: string;
}

export interface Counts {
  readonly error: number;
  readonly warning: number;
  readonly info: number;
  readonly hint: number;
  readonly fixable: number;
}

export function countFindings(reports: readonly FileReport[]): Counts {
  const counts = { error: 0, warning: 0, info: 0, hint: 0, fixable: 0 };
  for (const r of reports) {
    for (const f of r.findings) {
      counts[f.severity]++;
      if (isFixable(f)) counts.fixable++;
    }
  }
  return counts;
}

/** Where a finding is, as editors and CI show it: 1-based lines and columns (columns count UTF-16 units). */
export function oneBasedRange(finding: Finding): { line: number; column: number; endLine: number; endColumn: number } {
  const { startPosition: start, endPosition: end } = finding.span;
  return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

/** What `--fix` would change: the finding has an automatic fix, by the policy every face shares. */
export function isFixable(finding: Finding): boolean {
  return automaticFix(finding) !== undefined;
}
