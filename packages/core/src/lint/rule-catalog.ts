import type { Severity } from './finding.js';
import { docsUrl } from './rule.js';
import { MODEL_RULES } from './rules/index.js';
import { META_RULES } from './rules/suppression-rules.js';

export interface RuleInfo {
  readonly id: string;
  readonly defaultSeverity: Severity;
  readonly summary: string;
  readonly docsUrl: string;
}

/** Every rule id the engine can report, for SARIF metadata, settings validation and completion. */
export const RULE_CATALOG: readonly RuleInfo[] = [...MODEL_RULES, ...META_RULES].map((r) => ({
  id: r.id,
  defaultSeverity: r.defaultSeverity,
  summary: r.summary,
  docsUrl: docsUrl(r.id),
}));

export function ruleInfo(id: string): RuleInfo | undefined {
  return RULE_CATALOG.find((r) => r.id === id);
}
