import { readManifest } from '../manifest/read-manifest.js';
import type { DnsmasqInvocation, ManifestModel, WorkloadRef } from '../manifest/model.js';
import { readConfigMapConf } from '../manifest/configmap-conf-reader.js';
import { readRawArgv } from '../manifest/raw-argv-reader.js';
import { isConfFragmentPath, looksLikeDnsmasqConf, readDnsmasqConf } from '../manifest/conf-file-reader.js';
import { isStandaloneCorefileName } from '../manifest/find-corefiles.js';
import { LineIndex } from '../text/line-index.js';
import type { Finding, RuleSetting, Severity } from './finding.js';
import { InvocationFacts } from './invocation-facts.js';
import { docsUrl, type Rule, type RuleContext, type RuleReport } from './rule.js';
import { MODEL_RULES } from './rules/index.js';
import { internalError } from './rules/suppression-rules.js';
import { applySuppressions, type PendingFinding } from './apply-suppressions.js';
import { isConfFileName, isRawArgvFile } from './file-names.js';
import { confDirServers, type ConfSibling } from './conf-dir-siblings.js';
import { lintCorefiles } from './lint-corefiles.js';

export type { RuleSetting } from './finding.js';
export type { PendingFinding } from './apply-suppressions.js';

export interface LintOptions {
  /** Used to choose how the text is read (`.json`, templates) and in messages; no file is opened. */
  readonly filePath?: string;
  /** Severity per rule id, or `off`; rules not named keep their default severity. */
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  /** CoreDNS version judged against when the file has no coredns image tag (`1.11.3`). */
  readonly corednsVersion?: string;
  /** For a dnsmasq conf file: the other files of its folder, as the host read them (see conf-dir-siblings.ts).
   *  Without them a conf fragment is not judged on what its folder gives it. */
  readonly confSiblings?: readonly ConfSibling[];
}

export interface LintResult {
  /** Sorted by position, then rule id. */
  readonly findings: Finding[];
  /** dnsmasq invocations found. */
  readonly invocations: number;
  /** kube-dns ConfigMaps found. */
  readonly configMaps: number;
  /** Corefiles found (standalone, or `Corefile` keys of ConfigMaps). */
  readonly corefiles?: number;
}

/**
 * Lints one manifest text. Pure (no I/O) and never throws: a failure inside a rule becomes an
 * `internal-error` finding and the other rules still run. The CLI and the language server both call this.
 */
export function lintText(text: string, options: LintOptions = {}): LintResult {
  const settings = options.rules ?? {};
  const lines = new LineIndex(text);
  const severityOf = (id: string, fallback: Severity): RuleSetting => settings[id] ?? fallback;
  let model: ManifestModel;
  try {
    model = readModel(text, options.filePath, options.confSiblings);
  } catch (error) {
    return { findings: [crash(lines, 'the manifest reader', error)], invocations: 0, configMaps: 0 };
  }

  const pending: PendingFinding[] = [];
  const facts: InvocationFacts[] = [];
  for (const invocation of model.invocations) {
    try {
      facts.push(new InvocationFacts(invocation, text));
    } catch (error) {
      pending.push({ finding: crash(lines, 'the argument parser', error), workload: invocation.workload });
    }
  }

  for (const rule of MODEL_RULES) {
    const severity = severityOf(rule.id, rule.defaultSeverity);
    if (severity === 'off') continue;
    const context: RuleContext = {
      text,
      model,
      invocations: facts,
      report: (r: RuleReport) => pending.push({ finding: toFinding(lines, rule, severity, r), workload: r.workload }),
    };
    try {
      rule.check(context);
    } catch (error) {
      pending.push({ finding: crash(lines, `rule ${rule.id}`, error), workload: undefined });
    }
  }

  const corefiles = lintCorefiles({
    text,
    ...(options.filePath !== undefined ? { filePath: options.filePath } : {}),
    ...(options.corednsVersion !== undefined ? { corednsVersion: options.corednsVersion } : {}),
    lines,
    severityOf,
    crash: (where, error) => crash(lines, where, error),
  });
  for (const finding of corefiles.findings) pending.push({ finding, workload: undefined });

  let findings: Finding[];
  try {
    findings = applySuppressions(text, lines, model, pending, severityOf);
  } catch (error) {
    findings = [...pending.map((p) => p.finding), crash(lines, 'the suppression comments', error)];
  }
  // In a file that does not parse, the structure edits rely on is a guess: fixes are offered, never applied by --fix.
  if (findings.some((f) => f.ruleId === 'yaml-syntax')) findings = findings.map(withoutPreferred);
  findings.sort(compareFindings);
  findings = withoutRepeats(findings);
  return {
    findings,
    invocations: model.invocations.length,
    configMaps: model.configMaps.length,
    ...(corefiles.corefiles > 0 ? { corefiles: corefiles.corefiles } : {}),
  };
}

/** Bare argv files and dnsmasq conf files are read as one dnsmasq invocation; everything else as a manifest. */
function readModel(text: string, filePath: string | undefined, confSiblings: readonly ConfSibling[] | undefined): ManifestModel {
  if (isStandaloneCorefileName(filePath)) return { text, invocations: [], configMaps: [], parseProblems: [] };
  if (isRawArgvFile(filePath)) return readRawArgv(text);
  if (isConfFileName(filePath) && looksLikeDnsmasqConf(text)) {
    const folder = filePath !== undefined && isConfFragmentPath(filePath) ? confDirServers(confSiblings) : { servers: 'unknown' as const, routed: [] };
    return readDnsmasqConf(text, filePath, { ...folder, siblings: (confSiblings ?? []).map((s) => s.name) });
  }
  const model = readManifest(text, filePath === undefined ? {} : { filePath });
  const confs = (model.confTexts ?? []).map(readConfigMapConf).filter((i): i is DnsmasqInvocation => i !== undefined);
  return confs.length === 0 ? model : { ...model, invocations: [...model.invocations, ...confs] };
}

/** Two containers reading one anchored list (`args: *shared`) find the same problem at the same place: say it once. */
function withoutRepeats(sorted: Finding[]): Finding[] {
  return sorted.filter((f, i) => i === 0 || compareFindings(sorted[i - 1]!, f) !== 0);
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.span.start - b.span.start ||
    a.span.end - b.span.end ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}

function withoutPreferred(finding: Finding): Finding {
  return finding.fixes.some((f) => f.preferred) ? { ...finding, fixes: finding.fixes.map(({ preferred: _p, ...fix }) => fix) } : finding;
}

function toFinding(lines: LineIndex, rule: Rule, severity: Severity, r: RuleReport): Finding {
  return {
    ruleId: rule.id,
    severity,
    message: r.message,
    span: lines.span(r.range.start, r.range.end),
    docsUrl: docsUrl(rule.id),
    fixes: r.fixes ?? [],
  };
}

function crash(lines: LineIndex, where: string, error: unknown): Finding {
  const detail = error instanceof Error ? error.message : String(error);
  return {
    ruleId: internalError.id,
    severity: internalError.defaultSeverity,
    message: `kube-dns-tools failed in ${where} (${detail}); the other checks still ran. Please report this with the file.`,
    span: lines.span(0, 0),
    docsUrl: docsUrl(internalError.id),
    fixes: [],
  };
}
