import type { Finding, Severity } from '@kube-dns-tools/core/lint/finding';

/** What the main thread sends to the lint worker. */
export interface LintJob {
  id: number;
  text: string;
  filePath: string | undefined;
  rules: Record<string, Severity | 'off'>;
  /** Fix as `lint --fix` does (core's fixUntilStable) and answer with the fixed text and its findings. */
  fix?: boolean;
}

export type LintJobResult =
  | {
      id: number;
      ok: true;
      findings: Finding[];
      invocations: number;
      configMaps: number;
      /** Time inside lintText, measured in the worker. */
      durationMs: number;
      /** For a fix job: the text after every automatic fix, re-linted until stable. */
      fixedText?: string;
    }
  | { id: number; ok: false; error: string };

export type LintOutcome = Extract<LintJobResult, { ok: true }>;
