import type { Severity } from '../finding.js';

/**
 * Rules the engine reports itself instead of a check over the manifest: the two about suppressions (judged after
 * every other rule, and never suppressed) and internal-error.
 */
export interface MetaRule {
  readonly id: string;
  readonly defaultSeverity: Severity;
  readonly summary: string;
}

export const unusedSuppression: MetaRule = {
  id: 'unused-suppression',
  defaultSeverity: 'warning',
  summary: 'A kube-dns-tools-disable comment or annotation that suppresses nothing (or names no rule).',
};

export const suppressionReason: MetaRule = {
  id: 'suppression-reason',
  defaultSeverity: 'warning',
  summary: 'A suppression without a reason after "--".',
};

export const internalError: MetaRule = {
  id: 'internal-error',
  defaultSeverity: 'error',
  summary: 'kube-dns-tools itself failed while checking this file; please report it.',
};

export const META_RULES: readonly MetaRule[] = [unusedSuppression, suppressionReason, internalError];
