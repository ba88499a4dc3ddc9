import { splitDocuments, type DocumentChunk } from '../manifest/document-chunks.js';
import { maskTemplates } from '../manifest/template-mask.js';
import type { Finding, Fix, Position, SourceSpan } from './finding.js';
import { isConfFileName, isRawArgvFile } from './file-names.js';
import { LineIndex } from './line-index.js';
import { compareFindings, lintText, type LintOptions, type LintResult } from './lint-text.js';
import { internalError } from './rules/suppression-rules.js';

/** A document's findings with offsets from its own start and lines from its own first line. */
interface DocumentLint {
  readonly findings: readonly Finding[];
  readonly invocations: number;
  readonly configMaps: number;
}

/**
 * Lints a multi-document manifest one YAML document at a time and remembers each document's findings by its
 * text, so that after an edit only the documents whose text changed are linted again; the others' findings
 * are moved to where their document now starts. The result equals `lintText` on the whole text: whenever the
 * documents could influence one another (suppression comments, a kube-dns ConfigMap, templates, conf and argv
 * files, an engine failure), the whole text is linted instead.
 */
export class DocumentLintCache {
  private documents = new Map<string, DocumentLint>();
  private optionsKey = '';
  /** Documents linted (not reused) by the last call, for tests and benches. */
  lintedLast = 0;

  lint(text: string, options: LintOptions = {}): LintResult {
    const steps = this.steps(text, options);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  /**
   * The same as `lint`, one document per step: a caller that must stay responsive (the language server's
   * worker) can let other work run between steps, or stop early.
   */
  *steps(text: string, options: LintOptions = {}): Generator<void, LintResult> {
    this.lintedLast = 0;
    const key = JSON.stringify([options.filePath ?? null, options.rules ?? {}]);
    if (key !== this.optionsKey) {
      this.documents.clear();
      this.optionsKey = key;
    }
    if (!splittable(text, options.filePath)) return this.whole(text, options);
    const lines = new LineIndex(text);
    const chunks = splitDocuments(text);
    const starts = chunks.map((chunk) => lines.position(chunk.start));
    if (starts.some((start) => start.character !== 0)) return this.whole(text, options);

    const results: DocumentLint[] = [];
    for (const chunk of chunks) {
      const body = text.slice(chunk.start, chunk.end);
      let result = this.documents.get(body);
      if (!result) {
        result = lintText(body, options);
        this.documents.set(body, result);
        this.lintedLast++;
        yield;
      }
      if (result.configMaps > 0 || result.findings.some((f) => f.ruleId === internalError.id)) return this.whole(text, options);
      results.push(result);
    }

    const kept = new Set(chunks.map((chunk) => text.slice(chunk.start, chunk.end)));
    for (const body of this.documents.keys()) if (!kept.has(body)) this.documents.delete(body);
    return merge(chunks, starts, results);
  }

  private whole(text: string, options: LintOptions): LintResult {
    this.documents.clear();
    this.lintedLast = 1;
    return lintText(text, options);
  }
}

/** True when the documents of `text` are linted exactly as the whole text is. */
function splittable(text: string, filePath: string | undefined): boolean {
  if (isRawArgvFile(filePath) || isConfFileName(filePath)) return false;
  // Suppression comments and annotations reach across documents (file-wide disables, unused-suppression).
  if (text.includes('kube-dns-tools')) return false;
  // Template tags anywhere make bare names placeholders everywhere.
  return maskTemplates(text).tags.length === 0;
}

function merge(chunks: readonly DocumentChunk[], starts: readonly Position[], results: readonly DocumentLint[]): LintResult {
  const findings: Finding[] = [];
  let invocations = 0;
  let configMaps = 0;
  results.forEach((result, i) => {
    const offset = chunks[i]!.start;
    const line = starts[i]!.line;
    for (const finding of result.findings) findings.push(offset === 0 && line === 0 ? finding : moved(finding, offset, line));
    invocations += result.invocations;
    configMaps += result.configMaps;
  });
  findings.sort(compareFindings);
  return { findings, invocations, configMaps };
}

function moved(finding: Finding, offset: number, line: number): Finding {
  const span: SourceSpan = {
    start: finding.span.start + offset,
    end: finding.span.end + offset,
    startPosition: { line: finding.span.startPosition.line + line, character: finding.span.startPosition.character },
    endPosition: { line: finding.span.endPosition.line + line, character: finding.span.endPosition.character },
  };
  const fixes: Fix[] = finding.fixes.map((fix) => ({
    ...fix,
    edits: fix.edits.map((edit) => ({ ...edit, start: edit.start + offset, end: edit.end + offset })),
  }));
  return { ...finding, span, fixes };
}
