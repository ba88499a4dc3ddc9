import type { Finding, Severity } from '@kube-dns-tools/core/lint';
import type { FindingsDelta } from './findings-delta.js';
import type { TextPatch } from './text-patch.js';

/** What the main thread sends to the lint worker. */
export interface LintJob {
  type: 'lint';
  id: number;
  /** The document (its uri): the worker keeps each document's per-YAML-document findings under it. */
  key: string;
  text: string;
  filePath: string | undefined;
  rules: Record<string, Severity | 'off'>;
  /** CoreDNS version for Corefiles without a coredns image tag in the same text. */
  corednsVersion?: string;
  /** Fix as `lint --fix` does (core's fixUntilStable) and answer with the fixed text and its findings. */
  fix?: boolean;
  /** The id of the document's last result the main thread holds: the worker may answer with a delta against it. */
  baseline?: number;
  /** false: the main thread started the job's budget when it sent it, and needs no `LintJobStarted`. */
  startReported?: false;
}

/** The document was closed: the worker drops what it kept for it. */
export interface ForgetJob {
  type: 'forget';
  key: string;
}

/**
 * A lint job as posted: the whole text the first time the worker sees the document, afterwards a patch against
 * the text it was sent last for that key (messages between two threads keep their order).
 */
export type PostedLintJob = Omit<LintJob, 'text'> & ({ text: string } | { patch: TextPatch });

export type WorkerRequest = PostedLintJob | ForgetJob;

export type LintJobResult =
  | {
      id: number;
      ok: true;
      /** The first MAX_PUBLISHED_FINDINGS findings, by position. */
      findings: Finding[];
      /** Findings left out of `findings`. */
      omitted: number;
      invocations: number;
      configMaps: number;
      /** Time inside the lint, measured in the worker. */
      durationMs: number;
      /** Why the document was not linted (over a budget), shown to the user as one diagnostic. */
      notice?: string;
      /** For a fix job: the text after every automatic fix, re-linted until stable. */
      fixedText?: string;
    }
  | { id: number; ok: false; error: string }
  /** A newer version of the same document was sent before this one finished. */
  | { id: number; ok: false; superseded: true };

/** The worker began the job: its time budget starts now, not while it waited behind others or for a new worker. */
export interface LintJobStarted {
  id: number;
  started: true;
}

export type LintOutcome = Extract<LintJobResult, { ok: true }>;

/** What the worker posts: a lint's findings travel whole, or as a delta against the job's `baseline` result. */
export type WorkerReply =
  | LintJobStarted
  | Exclude<LintJobResult, { ok: true }>
  | LintOutcome
  | (Omit<LintOutcome, 'findings'> & { delta: FindingsDelta });

/** A document reports at most this many findings, then one diagnostic saying how many more there are. */
export const MAX_PUBLISHED_FINDINGS = 5000;
