import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { editsBetween } from '@kube-dns-tools/core/text';
import type { Finding, TextEdit } from '@kube-dns-tools/core/lint';
import { toDiagnostic, type DiagnosticData, type DiagnosticShape } from './diagnostics.js';
import type { LintSnapshot } from './document-linter.js';
import { combineFixes, automaticFix } from './fix-all.js';
import { FIX_ALL_KIND, SERVER_COMMANDS, DIAGNOSTIC_SOURCE } from './protocol.js';
import { acceptsComments, disableFileEdit, disableLineEdit } from '@kube-dns-tools/core/lint';

export interface CodeActionOptions {
  languageId: string;
  /** The client applies versioned `documentChanges`. */
  documentChanges: boolean;
  /** Without `fixedText`, offer the fix-all action with its edit left for `codeAction/resolve` (the client resolves edits). */
  resolveFixAll?: boolean;
  /** The diagnostic properties the client supports, as published. */
  diagnosticShape?: DiagnosticShape;
}

export const FIX_ALL_TITLE = 'Fix all auto-fixable kube-dns-tools problems';

/** What a fix-all action left to `codeAction/resolve` carries. */
export interface FixAllData {
  uri: string;
  version: number;
}

/** LSP edits for offsets into the snapshot's text, versioned when the client takes `documentChanges`. */
export function workspaceEdit(snapshot: LintSnapshot, options: CodeActionOptions, edits: readonly TextEdit[]): WorkspaceEdit {
  const document = TextDocument.create(snapshot.uri, options.languageId, snapshot.version, snapshot.text);
  const lspEdits = edits.map((original) => keepInsideLastLine(snapshot.text, original)).map((e) => ({
    range: { start: document.positionAt(e.start), end: document.positionAt(e.end) },
    newText: e.newText,
  }));
  return options.documentChanges
    ? { documentChanges: [{ textDocument: { uri: snapshot.uri, version: snapshot.version }, edits: lspEdits }] }
    : { changes: { [snapshot.uri]: lspEdits } };
}

/** The fix-all edit: line edits from the snapshot's text to `fixedText`, what `lint --fix` leaves. */
export function fixAllEdit(snapshot: LintSnapshot, options: CodeActionOptions, fixedText: string): WorkspaceEdit {
  return workspaceEdit(snapshot, options, editsBetween(snapshot.text, fixedText));
}

function wants(only: readonly string[] | undefined, kind: string): boolean {
  if (!only || only.length === 0) return true;
  return only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
}

/** Findings under the request, located with the server's own spans; client ranges only narrow by line. */
export function findingsAt(snapshot: LintSnapshot, params: CodeActionParams): Finding[] {
  const { findings } = snapshot.outcome;
  const { start, end } = params.range;
  const fromContext = new Set<Finding>();
  for (const diagnostic of params.context.diagnostics) {
    if (diagnostic.source !== undefined && diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
    const data = diagnostic.data as Partial<DiagnosticData> | undefined;
    for (const finding of findings) {
      const byData = diagnostic.code === finding.ruleId && data?.start === finding.span.start && data.end === finding.span.end;
      const byLine = diagnostic.code === finding.ruleId && diagnostic.range.start.line === finding.span.startPosition.line;
      if (byData || byLine) fromContext.add(finding);
    }
  }
  return findings.filter((finding) => {
    if (fromContext.has(finding)) return true;
    const s = finding.span.startPosition;
    const e = finding.span.endPosition;
    const beforeEnd = s.line < end.line || (s.line === end.line && s.character <= end.character);
    const afterStart = e.line > start.line || (e.line === start.line && e.character >= start.character);
    return beforeEnd && afterStart;
  });
}

/**
 * Insertions at the very end of the text, written so that every client applies them alike. A line appended after
 * the final newline lands on a line past the end, which Neovim 0.7 turns into an extra empty line: the same
 * insertion goes before that newline instead (newline first), giving the same text.
 */
export function keepInsideLastLine(text: string, edit: TextEdit): TextEdit {
  if (edit.start !== text.length || edit.end !== text.length) return edit;
  const eol = text.endsWith('\r\n') ? '\r\n' : text.endsWith('\n') ? '\n' : undefined;
  if (!eol) {
    // A file without a final newline keeps it that way: Neovim would otherwise add an empty last line.
    const added = edit.newText.endsWith('\r\n') ? 2 : edit.newText.endsWith('\n') ? 1 : 0;
    return added ? { ...edit, newText: edit.newText.slice(0, -added) } : edit;
  }
  if (!edit.newText.endsWith(eol)) return edit;
  const at = text.length - eol.length;
  return { start: at, end: at, newText: eol + edit.newText.slice(0, -eol.length) };
}

/**
 * Whether the request asks for a fix-all action that would change something; its text (`fixedText` below) costs a
 * lint loop, so callers compute it only then.
 */
export function wantsFixAll(snapshot: LintSnapshot, params: CodeActionParams): boolean {
  const only = params.context.only;
  return wants(only, FIX_ALL_KIND) && (only?.length ? true : findingsAt(snapshot, params).length > 0) && anyAutomaticFix(snapshot);
}

/** Whether the first pass of `lint --fix` would apply anything: without it the loop leaves the text as it is. */
function anyAutomaticFix(snapshot: LintSnapshot): boolean {
  return combineFixes(snapshot.outcome.findings, snapshot.text.length).applied > 0;
}

/**
 * `fixedText`: the text `lint --fix` would leave (DocumentLinter.fixedText), given when wantsFixAll; the fix-all
 * action carries the line edits from the snapshot's text to it, so that saving with `source.fixAll` and running
 * `lint --fix` give the same bytes.
 */
export function codeActions(snapshot: LintSnapshot, params: CodeActionParams, options: CodeActionOptions, fixedText?: string): CodeAction[] {
  const edit = (edits: readonly TextEdit[]): WorkspaceEdit => workspaceEdit(snapshot, options, edits);
  const only = params.context.only;
  const actions: CodeAction[] = [];
  const quickfix = wants(only, CodeActionKind.QuickFix);
  const here = quickfix ? findingsAt(snapshot, params) : [];
  const comments = acceptsComments(snapshot.text, options.languageId);

  for (const finding of here) {
    const diagnostic: Diagnostic = toDiagnostic(finding, options.diagnosticShape);
    const preferred = automaticFix(finding);
    const ordered = preferred ? [preferred, ...finding.fixes.filter((f) => f !== preferred)] : finding.fixes;
    for (const fix of ordered) {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: fix === preferred && finding.fixes.some((f) => f.preferred),
        edit: edit(fix.edits),
      });
    }
    if (comments) {
      const lineEdit = disableLineEdit(snapshot.text, finding.span.start, finding.ruleId);
      if (lineEdit) {
        actions.push({ title: `Disable ${finding.ruleId} for this line`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: edit([lineEdit]) });
      }
      actions.push({
        title: `Disable ${finding.ruleId} for the entire file`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: edit([disableFileEdit(snapshot.text, finding.ruleId)]),
      });
    }
    actions.push({
      title: `Show documentation for ${finding.ruleId}`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      command: { title: `Show documentation for ${finding.ruleId}`, command: SERVER_COMMANDS.showRuleDocs, arguments: [finding.ruleId, finding.docsUrl] },
    });
  }

  const rules = [...new Set(here.filter((f) => automaticFix(f)).map((f) => f.ruleId))];
  for (const ruleId of rules) {
    const ofRule = snapshot.outcome.findings.filter((f) => f.ruleId === ruleId);
    const combined = combineFixes(ofRule, snapshot.text.length);
    if (combined.applied === 0) continue;
    actions.push({
      title: `Fix all ${ruleId} problems`,
      kind: CodeActionKind.QuickFix,
      diagnostics: ofRule.map((f) => toDiagnostic(f, options.diagnosticShape)),
      edit: edit(combined.edits),
    });
  }

  if (fixedText !== undefined && fixedText !== snapshot.text && wantsFixAll(snapshot, params)) {
    actions.push({ title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, edit: fixAllEdit(snapshot, options, fixedText) });
  } else if (fixedText === undefined && options.resolveFixAll && wantsFixAll(snapshot, params) && anyAutomaticFix(snapshot)) {
    const data: FixAllData = { uri: snapshot.uri, version: snapshot.version };
    actions.push({ title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, data });
  }
  return actions;
}
