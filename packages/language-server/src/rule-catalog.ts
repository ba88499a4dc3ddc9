import { docsUrl } from '@kube-dns-tools/core/lint/rule';
import { MODEL_RULES } from '@kube-dns-tools/core/lint/rules/index';
import type { RuleInfo } from './completion.js';

let catalog: RuleInfo[] | undefined;

/** The rules a suppression comment can name (the engine's rules; suppression meta-rules cannot be suppressed). */
export function ruleCatalog(): readonly RuleInfo[] {
  catalog ??= MODEL_RULES.map((rule) => ({ id: rule.id, summary: rule.summary, docsUrl: docsUrl(rule.id) }));
  return catalog;
}
