import { META_RULES, RULE_CATALOG } from '@kube-dns-tools/core/lint';
import type { RuleDescription } from './protocol.js';

const META = new Set(META_RULES.map((rule) => rule.id));
const describe = ({ id, summary, docsUrl }: RuleDescription): RuleDescription => ({ id, summary, docsUrl });

/** Every rule the engine can report (for the documentation picker). */
export const ALL_RULES: readonly RuleDescription[] = RULE_CATALOG.map(describe);

/** The rules a suppression comment can name: the suppression meta-rules themselves cannot be suppressed. */
export const SUPPRESSIBLE_RULES: readonly RuleDescription[] = RULE_CATALOG.filter((rule) => !META.has(rule.id)).map(describe);
