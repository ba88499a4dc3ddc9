import { preferredFix } from '@kube-dns-tools/core/lint/apply-fixes';
import type { Finding } from '@kube-dns-tools/core/lint/finding';

/** One linted file as the formatters see it. */
export interface FileReport {
  readonly filePath: string;
  readonly findings: readonly Finding[];
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

/** What `--fix` would change: the finding has the fix `--fix` applies. */
export function isFixable(finding: Finding): boolean {
  return preferredFix(finding) !== undefined;
}
