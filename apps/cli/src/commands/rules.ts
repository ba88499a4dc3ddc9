import type { Command } from 'commander';
import { RULE_CATALOG, type RuleInfo } from '@kube-dns-tools/core/lint';

const FORMATS = ['table', 'json'];

/** One rule as `rules --format json` prints it. */
export interface RuleListing {
  readonly id: string;
  readonly language: 'dnsmasq' | 'corefile';
  readonly severity: string;
  readonly fixable: boolean;
  readonly docs: string;
  readonly refs: readonly string[];
}

export function ruleListing(rules: readonly RuleInfo[] = RULE_CATALOG): RuleListing[] {
  return rules.map((r) => ({ id: r.id, language: r.language, severity: r.defaultSeverity, fixable: r.fixable, docs: r.docsUrl, refs: [...r.refs] }));
}

export function formatRuleTable(rules: readonly RuleListing[]): string {
  const rows = [['ID', 'LANGUAGE', 'SEVERITY', 'FIXABLE', 'REFS'], ...rules.map((r) => [r.id, r.language, r.severity, r.fixable ? 'yes' : 'no', r.refs.join(',') || '-'])];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  return rows.map((row) => row.map((cell, c) => (c === row.length - 1 ? cell : cell.padEnd(widths[c]!))).join('  ')).join('\n') + '\n';
}

/** `rules [--format table|json]`: every rule the linter can report, dnsmasq and Corefile alike. */
export function registerRules(program: Command): void {
  program
    .command('rules')
    .description('list every lint rule (dnsmasq and CoreDNS Corefile): id, language, default severity, fixable, refs')
    .option('--format <format>', 'table | json', 'table')
    .action((flags: { format: string }) => {
      if (!FORMATS.includes(flags.format)) {
        process.stderr.write(`kube-dns-tools rules: --format ${flags.format}: expected one of ${FORMATS.join(', ')}\n`);
        process.exitCode = 2;
        return;
      }
      const rules = ruleListing();
      process.stdout.write(flags.format === 'json' ? `${JSON.stringify(rules, null, 2)}\n` : formatRuleTable(rules));
    });
}
