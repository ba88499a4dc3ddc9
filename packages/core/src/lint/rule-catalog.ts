import type { Severity } from './finding.js';
import { docsUrl } from './rule.js';
import { MODEL_RULES } from './rules/index.js';
import { META_RULES } from './rules/suppression-rules.js';
import { COREFILE_RULES } from './rules/corefile/index.js';

export interface RuleInfo {
  readonly id: string;
  readonly defaultSeverity: Severity;
  readonly summary: string;
  readonly docsUrl: string;
  /** The configuration language the rule reads. */
  readonly language: 'dnsmasq' | 'corefile';
  /** Some findings carry a quick fix. */
  readonly fixable: boolean;
  /** MISCONFIGS ids (`CF002`) a Corefile rule implements; empty for dnsmasq rules. */
  readonly refs: readonly string[];
}

/** dnsmasq rules whose findings can carry a fix (the dnsmasq Rule shape does not declare it). */
const DNSMASQ_FIXABLE = new Set(['log-facility', 'log-queries', 'no-negcache', 'option-argument', 'repeated-option', 'server-suspicious', 'server-syntax', 'unknown-option', 'unused-suppression']);

/** Every rule id the engine can report, for SARIF metadata, settings validation and completion. */
export const RULE_CATALOG: readonly RuleInfo[] = [
  ...[...MODEL_RULES, ...META_RULES].map((r) => ({
    id: r.id,
    defaultSeverity: r.defaultSeverity,
    summary: r.summary,
    docsUrl: docsUrl(r.id),
    language: 'dnsmasq' as const,
    fixable: DNSMASQ_FIXABLE.has(r.id),
    refs: [],
  })),
  ...COREFILE_RULES.map((r) => ({
    id: r.id,
    defaultSeverity: r.defaultSeverity,
    summary: r.summary,
    docsUrl: docsUrl(r.id),
    language: 'corefile' as const,
    fixable: r.fixable,
    refs: r.refs,
  })),
];

export function ruleInfo(id: string): RuleInfo | undefined {
  return RULE_CATALOG.find((r) => r.id === id);
}
