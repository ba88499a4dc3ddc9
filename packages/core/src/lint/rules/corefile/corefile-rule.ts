import type { CorednsVersion } from '../../../corefile/coredns-version.js';
import type { Corefile } from '../../../corefile/model.js';
import type { Severity } from '../../finding.js';
import type { RuleReport } from '../../rule.js';

export interface CorefileRuleContext {
  /** The whole linted document (edits are offsets into it). */
  readonly text: string;
  readonly corefile: Corefile;
  /** The CoreDNS version that runs this Corefile, when the file or a setting says. */
  readonly version?: CorednsVersion;
  /** No version is known because the file's coredns image is a template: removals are warnings, not errors. */
  readonly imageTemplated?: boolean;
  report(finding: RuleReport): void;
}

export interface CorefileRule {
  /** Descriptive id (`coredns-long-denial-cache`): code, docs page name and suppression key. */
  readonly id: string;
  readonly defaultSeverity: Severity;
  readonly summary: string;
  /** The MISCONFIGS ids (`CF002`) this rule implements. */
  readonly refs: readonly string[];
  /** Some findings carry a quick fix. */
  readonly fixable: boolean;
  check(context: CorefileRuleContext): void;
}
