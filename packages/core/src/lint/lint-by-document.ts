import type { DocumentChunk } from '../manifest/document-chunks.js';
import { commonPrefixLength, commonSuffixLength } from '../text/common-affixes.js';
import { mayHoldTemplates } from '../text/template-tags.js';
import type { Finding, Fix, SourceSpan } from './finding.js';
import { isStandaloneCorefileName } from '../manifest/find-corefiles.js';
import { isConfFileName, isRawArgvFile } from './file-names.js';
import { LineIndex } from '../text/line-index.js';
import { compareFindings, lintText, type LintOptions, type LintResult } from './lint-text.js';
import { internalError } from './rules/suppression-rules.js';
import { yamlSyntax } from './rules/yaml-syntax.js';

/** What the caller knows changed: `text` is `previous` with the characters from `start` to `end` replaced. */
export interface KnownChange {
  readonly previous: string;
  readonly start: number;
  readonly end: number;
}

/** A document's findings with offsets from its own start and lines from its own first line. */
interface DocumentLint {
  readonly findings: readonly Finding[];
  readonly invocations: number;
  readonly configMaps: number;
  /** Line breaks in the document's text, as LineIndex counts them. */
  readonly lineBreaks: number;
  /** The document holds something that reaches other documents: the whole text is linted instead. */
  readonly reachesOthers: boolean;
  /** The findings where the document was last placed, kept while it stays there. */
  placed?: { readonly offset: number; readonly line: number; readonly findings: readonly Finding[] };
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
  /** The last text linted by documents, its documents and their results: unchanged ones are found by position. */
  private last?: { readonly text: string; readonly chunks: readonly DocumentChunk[]; readonly results: readonly DocumentLint[] };
  /** Documents linted (not reused) by the last call, for tests and benches. */
  lintedLast = 0;

  lint(text: string, options: LintOptions = {}, change?: KnownChange): LintResult {
    const steps = this.steps(text, options, change);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  /**
   * The same as `lint`, one document per step: a caller that must stay responsive (the language server's
   * worker) can let other work run between steps, or stop early.
   */
  *steps(text: string, options: LintOptions = {}, change?: KnownChange): Generator<void, LintResult> {
    this.lintedLast = 0;
    const key = JSON.stringify([options.filePath ?? null, options.rules ?? {}, options.corednsVersion ?? null]);
    if (key !== this.optionsKey) {
      this.documents.clear();
      this.last = undefined;
      this.optionsKey = key;
    }
    const { filePath } = options;
    if (isRawArgvFile(filePath) || isConfFileName(filePath) || isStandaloneCorefileName(filePath)) return this.whole(text, options);
    const chunks = documentsOf(text);
    const unchanged = this.last && unchangedEdges(this.last, text, chunks, change);
    const results: DocumentLint[] = [];
    for (const [i, chunk] of chunks.entries()) {
      const sliced = unchanged?.(i);
      if (sliced) {
        results.push(sliced);
        continue;
      }
      let body = text.slice(chunk.start, chunk.end);
      let result = this.documents.get(body);
      if (!result) {
        if (reachesOthers(body)) return this.whole(text, options);
        // Its own copy: a slice would keep the whole text alive for as long as the document's findings live.
        body = ownCopy(body);
        const linted = lintText(body, options);
        const failed = linted.findings.some((f) => f.ruleId === internalError.id);
        result = { ...linted, lineBreaks: new LineIndex(body).lineCount - 1, reachesOthers: failed || linted.configMaps > 0 || (linted.corefiles ?? 0) > 0 };
        this.documents.set(body, result);
        this.lintedLast++;
        yield;
      }
      if (result.reachesOthers) return this.whole(text, options);
      results.push(result);
    }

    if (this.documents.size > results.length) {
      const kept = new Set(results);
      for (const [body, result] of this.documents) if (!kept.has(result)) this.documents.delete(body);
    }
    this.last = { text, chunks, results };
    return merge(chunks, results);
  }

  private whole(text: string, options: LintOptions): LintResult {
    this.documents.clear();
    this.last = undefined;
    this.lintedLast = 1;
    return lintText(text, options);
  }
}

/**
 * For each document of `text`, the result of the same document in the last text when the edit between the two
 * texts left it and its cuts alone: the documents before the first changed character and after the last one.
 * This spares slicing and hashing every document of a long file on every keystroke. A known change from the last
 * text spares comparing the two texts as well.
 */
function unchangedEdges(
  last: { readonly text: string; readonly chunks: readonly DocumentChunk[]; readonly results: readonly DocumentLint[] },
  text: string,
  chunks: readonly DocumentChunk[],
  change: KnownChange | undefined,
): (i: number) => DocumentLint | undefined {
  const before = last.text;
  const known = change?.previous === before;
  const room = Math.min(before.length, text.length);
  const prefix = known ? change.start : commonPrefixLength(before, text, room);
  const suffix = known ? before.length - change.end : commonSuffixLength(before, text, room - prefix);
  const shift = text.length - before.length;
  const countShift = chunks.length - last.chunks.length;
  // A cut at `at` is decided by the characters from at - 1 to at + 3 (see documentsOf).
  return (i) => {
    const { start, end } = chunks[i]!;
    if (end + CUT_LOOKAHEAD < prefix || (end === text.length && end === before.length && prefix === text.length)) {
      const old = last.chunks[i];
      return old?.start === start && old.end === end ? last.results[i] : undefined;
    }
    if (start - 1 >= text.length - suffix) {
      const old = last.chunks[i - countShift];
      return old?.start === start - shift && old.end === end - shift ? last.results[i - countShift] : undefined;
    }
    return undefined;
  };
}

/** Characters after a cut that decide it. */
const CUT_LOOKAHEAD = 3;

/** A copy of `s` that shares no memory with the string it was sliced from. */
function ownCopy(s: string): string {
  return (' ' + s).slice(1);
}

/**
 * Suppression comments and annotations reach across documents (file-wide disables, unused-suppression), a
 * template tag anywhere makes bare names placeholders everywhere, and so do ConfigMaps; an engine failure is found
 * when the document is linted. No opener or name can span two documents: each starts
 * a line with `---`. (yaml-syntax reports the file's first parse problem only and makes every fix of the file
 * not preferred: `merge` does both.)
 */
function reachesOthers(body: string): boolean {
  return (
    body.includes('kube-dns-tools') ||
    mayHoldTemplates(body) ||
    body.includes('__PILLAR__') ||
    // ConfigMaps: the kube-dns one (no-upstream), conf text (messages count lines from the file's start), Corefiles
    // (judged by the CoreDNS version of an image anywhere in the file).
    body.includes('ConfigMap') ||
    body.includes('Corefile')
  );
}

/**
 * The text cut before each `---` that starts a line after `\n` or `\r`: a subset of the cuts `splitDocuments`
 * makes (it also cuts after U+2028), so each piece is read alone exactly as the whole text reads it, and every
 * piece starts a line as LineIndex counts lines.
 */
function documentsOf(text: string): DocumentChunk[] {
  const chunks: DocumentChunk[] = [];
  let start = 0;
  for (let at = text.indexOf('---', 1); at !== -1; at = text.indexOf('---', at + 3)) {
    const before = text.charCodeAt(at - 1);
    if (before !== 10 && before !== 13) continue;
    const after = text.charCodeAt(at + 3);
    if (!(Number.isNaN(after) || after === 32 || after === 9 || after === 10 || after === 13)) continue;
    chunks.push({ start, end: at });
    start = at;
  }
  chunks.push({ start, end: text.length });
  return chunks;
}

function merge(chunks: readonly DocumentChunk[], results: readonly DocumentLint[]): LintResult {
  const findings: Finding[] = [];
  let invocations = 0;
  let configMaps = 0;
  let line = 0;
  let firstParseProblem = true;
  results.forEach((result, i) => {
    const offset = chunks[i]!.start;
    if (result.placed?.offset !== offset || result.placed.line !== line) {
      result.placed = { offset, line, findings: offset === 0 && line === 0 ? result.findings : result.findings.map((f) => moved(f, offset, line)) };
    }
    for (const finding of result.placed.findings) {
      if (finding.ruleId === yamlSyntax.id) {
        if (!firstParseProblem) continue;
        firstParseProblem = false;
      }
      findings.push(finding);
    }
    invocations += result.invocations;
    configMaps += result.configMaps;
    line += result.lineBreaks;
  });
  // Documents come in order and each one's findings are sorted: only ties where two documents meet can be out of order.
  for (let i = 1; i < findings.length; i++) {
    if (compareFindings(findings[i - 1]!, findings[i]!) > 0) {
      findings.sort(compareFindings);
      break;
    }
  }
  // As lintText: in a file that does not parse, no fix is applied without asking.
  const guessed = !firstParseProblem ? findings.map(withoutPreferred) : findings;
  return { findings: guessed, invocations, configMaps };
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

function withoutPreferred(finding: Finding): Finding {
  return finding.fixes.some((f) => f.preferred) ? { ...finding, fixes: finding.fixes.map(({ preferred: _p, ...fix }) => fix) } : finding;
}
