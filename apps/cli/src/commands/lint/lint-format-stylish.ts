import { countFindings, oneBasedRange, type FileReport } from './lint-report.js';

const COLOURS = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', hint: '\x1b[2m' } as const;

/** ESLint-like text: a block per file with `line:column  severity  message  rule`, then a summary line. */
export function formatStylish(reports: readonly FileReport[], colour: boolean): string {
  const paint = (code: string, s: string): string => (colour ? `${code}${s}\x1b[0m` : s);
  let out = '';
  for (const r of reports) {
    if (r.findings.length === 0) continue;
    out += `\n${paint('\x1b[4m', r.filePath)}\n`;
    const rows = r.findings.map((f) => {
      const { line, column } = oneBasedRange(f);
      return [`${line}:${column}`, f.severity, f.message, f.ruleId] as const;
    });
    const w0 = Math.max(...rows.map((x) => x[0].length));
    const w1 = Math.max(...rows.map((x) => x[1].length));
    for (const [pos, sev, message, rule] of rows) {
      out += `  ${paint('\x1b[2m', pos.padEnd(w0))}  ${paint(COLOURS[sev], sev.padEnd(w1))}  ${message}  ${paint('\x1b[2m', rule)}\n`;
    }
  }
  const c = countFindings(reports);
  const total = c.error + c.warning + c.info + c.hint;
  if (total === 0) return '';
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  out += `\n${plural(total, 'problem')} (${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${c.info + c.hint} info)\n`;
  if (c.fixable > 0) out += `${c.fixable} of them can be fixed with --fix.\n`;
  return out;
}
