import type { ParsedOption } from '../dnsmasq/argv/parsed-argv.js';
import type { ManifestModel, WorkloadRef } from '../manifest/model.js';
import type { Range } from '../text/source-range.js';
import type { Fix, Severity } from './finding.js';
import type { InvocationFacts } from './invocation-facts.js';

const DOCS_BASE = 'https://github.com/kube-dns-tools/kube-dns-tools/blob/main/docs/rules/';

export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE}${ruleId}.md`;
}

/** What a rule reports; the engine adds the rule id, severity, docs link and LSP positions. */
export interface RuleReport {
  readonly range: Range;
  readonly message: string;
  readonly fixes?: readonly Fix[];
  /** The workload the finding belongs to, so its `kube-dns-tools.io/disable` annotation can suppress it. */
  readonly workload?: WorkloadRef;
  /** At most this severity (a finding that cannot be certain): the configured severity still lowers it. */
  readonly atMost?: Severity;
}

export interface RuleContext {
  readonly text: string;
  readonly model: ManifestModel;
  readonly invocations: readonly InvocationFacts[];
  report(finding: RuleReport): void;
}

export interface Rule {
  /** Stable id: the finding's `code`, the docs page name and the suppression key. */
  readonly id: string;
  readonly defaultSeverity: Severity;
  /** One line for SARIF rule metadata and `--help` style listings. */
  readonly summary: string;
  check(context: RuleContext): void;
}

/** The option with its value as written: `--server=1.2.3.4`, `-S 1.2.3.4`. */
export function spelledWithValue(option: ParsedOption): string {
  if (option.value === undefined) return option.spelled;
  return option.form === 'long' && option.valueForm === 'equals' ? `${option.spelled}=${option.value}` : `${option.spelled} ${option.value}`;
}
