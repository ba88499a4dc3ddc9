import { parseRuleSetting, ruleInfo } from '@kube-dns-tools/core/lint';
import type { RuleSetting } from '@kube-dns-tools/core/lint';

/** Parses `--rule ID=off|error|warning|info|hint` flags; returns a usage message for a bad one. */
export function parseRuleFlags(flags: readonly string[]): { rules: Record<string, RuleSetting> } | { error: string } {
  const rules: Record<string, RuleSetting> = {};
  for (const flag of flags) {
    const eq = flag.indexOf('=');
    const id = eq === -1 ? flag : flag.slice(0, eq);
    const setting = eq === -1 ? undefined : parseRuleSetting(flag.slice(eq + 1));
    if (!ruleInfo(id)) return { error: `--rule ${flag}: no rule "${id}"` };
    if (!setting) return { error: `--rule ${flag}: expected ${id}=off|error|warning|info|hint` };
    rules[id] = setting;
  }
  return { rules };
}
