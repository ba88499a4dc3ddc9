import { isFixable, oneBasedRange, type FileReport } from './lint-report.js';

/** DESIGN.md's contract: one JSON array, 1-based lines and columns (columns count UTF-16 units). */
export function formatJson(reports: readonly FileReport[]): string {
  const out = reports.map((r) => ({
    filePath: r.filePath,
    findings: r.findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      ...oneBasedRange(f),
      fixable: isFixable(f),
    })),
  }));
  return `${JSON.stringify(out, null, 2)}\n`;
}
