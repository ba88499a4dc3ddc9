import { corednsImageTemplated, corednsVersionInText, parseCorednsVersion, type CorednsVersion } from '../corefile/coredns-version.js';
import { findCorefiles, mayHoldCorefile } from '../manifest/find-corefiles.js';
import type { Corefile } from '../corefile/model.js';
import type { Finding, Severity } from './finding.js';
import type { LineIndex } from '../text/line-index.js';
import { docsUrl, type RuleReport } from './rule.js';
import { COREFILE_RULES } from './rules/corefile/index.js';
import type { CorefileRule } from './rules/corefile/corefile-rule.js';

export interface CorefileLintInput {
  readonly text: string;
  readonly filePath?: string;
  /** CoreDNS version from a setting (`1.11.3`); the image tag in the file wins. */
  readonly corednsVersion?: string;
  readonly lines: LineIndex;
  readonly severityOf: (id: string, fallback: Severity) => Severity | 'off';
  /** Turns a thrown error into an internal-error finding. */
  readonly crash: (where: string, error: unknown) => Finding;
}

/** Runs every Corefile rule on every Corefile of the text (standalone file or ConfigMap keys). Never throws. */
export function lintCorefiles(input: CorefileLintInput): { findings: Finding[]; corefiles: number } {
  const { text, filePath } = input;
  if (!mayHoldCorefile(text, filePath)) return { findings: [], corefiles: 0 };
  let corefiles: Corefile[];
  try {
    corefiles = findCorefiles(text, filePath);
  } catch (error) {
    return { findings: [input.crash('the Corefile reader', error)], corefiles: 0 };
  }
  const version: CorednsVersion | undefined = corednsVersionInText(text) ?? parseCorednsVersion(input.corednsVersion);
  const imageTemplated = version === undefined && corednsImageTemplated(text);
  const findings: Finding[] = [];
  for (const corefile of corefiles) {
    for (const rule of COREFILE_RULES) {
      const severity = input.severityOf(rule.id, rule.defaultSeverity);
      if (severity === 'off') continue;
      try {
        rule.check({
          text,
          corefile,
          ...(version ? { version } : {}),
          ...(imageTemplated ? { imageTemplated } : {}),
          report: (r) => findings.push(toFinding(input.lines, rule, severity, r)),
        });
      } catch (error) {
        findings.push(input.crash(`rule ${rule.id}`, error));
      }
    }
  }
  return { findings, corefiles: corefiles.length };
}

const SEVERITY_RANK: Record<Severity, number> = { hint: 0, info: 1, warning: 2, error: 3 };

function toFinding(lines: LineIndex, rule: CorefileRule, severity: Severity, r: RuleReport): Finding {
  return {
    ruleId: rule.id,
    severity: r.atMost && SEVERITY_RANK[r.atMost] < SEVERITY_RANK[severity] ? r.atMost : severity,
    message: r.message,
    span: lines.span(r.range.start, r.range.end),
    docsUrl: docsUrl(rule.id),
    fixes: r.fixes ?? [],
  };
}
