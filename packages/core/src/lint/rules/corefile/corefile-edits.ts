import type { CfDirective, Corefile } from '../../../corefile/model.js';
import type { TextEdit } from '../../finding.js';
import { lastToken, plugins } from './corefile-facts.js';

/*
 * Edits in the file's own style: new lines take the indentation of their siblings (spaces or tabs, including the
 * ConfigMap block scalar's indentation, which is part of each source line). Line edits are only offered where a
 * source line is a Corefile line (standalone files, block scalars); elsewhere the helpers return undefined.
 */

function lineStart(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1;
}

function lineEnd(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  return nl < 0 ? text.length : nl;
}

/** The blanks before `at` when only blanks precede it on its line. */
export function indentBefore(text: string, at: number): string | undefined {
  const before = text.slice(lineStart(text, at), at);
  return /^[ \t]*$/.test(before) ? before : undefined;
}

/** One indentation step as the file writes it. */
export function indentUnit(text: string, corefile: Corefile): string {
  for (const { directive } of plugins(corefile)) {
    const parent = indentBefore(text, directive.name.start);
    const child = directive.block?.directives[0];
    if (parent === undefined || !child || child.name.line === directive.name.line) continue;
    const inner = indentBefore(text, child.name.start);
    if (inner !== undefined && inner.length > parent.length && inner.startsWith(parent)) return inner.slice(parent.length);
  }
  for (const server of corefile.servers) {
    const key = server.keys[0];
    const first = server.block.directives[0];
    if (!key || !first || first.name.line === key.line) continue;
    const outer = indentBefore(text, key.start);
    const inner = indentBefore(text, first.name.start);
    if (outer !== undefined && inner !== undefined && inner.length > outer.length && inner.startsWith(outer)) return inner.slice(outer.length);
  }
  return text.includes('\n\t') ? '\t' : '  ';
}

/** Removes the line that holds exactly this directive (and its block). */
export function deleteDirectiveLine(text: string, corefile: Corefile, d: CfDirective): TextEdit | undefined {
  if (!corefile.source.lineEdits) return undefined;
  const end = d.block?.close?.end ?? lastToken(d).end;
  if (d.block && !d.block.close) return undefined;
  const start = lineStart(text, d.name.start);
  if (indentBefore(text, d.name.start) === undefined) return undefined;
  const stop = lineEnd(text, end);
  const rest = text.slice(end, stop);
  if (!/^[ \t\r]*(#.*)?$/.test(rest)) return undefined;
  return { start, end: Math.min(text.length, stop + 1), newText: '' };
}

/** Adds an option line inside the directive's block, creating the block when there is none. */
export function insertOption(text: string, corefile: Corefile, d: CfDirective, option: string): TextEdit | undefined {
  if (!corefile.source.lineEdits) return undefined;
  const parentIndent = indentBefore(text, d.name.start);
  if (parentIndent === undefined) return undefined;
  const unit = indentUnit(text, corefile);
  if (!d.block) {
    const at = lastToken(d).end;
    return { start: at, end: at, newText: ` {\n${parentIndent}${unit}${option}\n${parentIndent}}` };
  }
  const close = d.block.close;
  if (!close || close.line === d.name.line) return undefined;
  const closeIndent = indentBefore(text, close.start);
  if (closeIndent === undefined) return undefined;
  const sibling = d.block.directives[0];
  const indent = (sibling && indentBefore(text, sibling.name.start)) ?? `${parentIndent}${unit}`;
  const at = lineStart(text, close.start);
  return { start: at, end: at, newText: `${indent}${option}\n` };
}

/** Replaces one token's characters when the token is written verbatim (no quotes, escapes or templates). */
export function replaceToken(text: string, token: { start: number; end: number; value: string; quoted: boolean }, newText: string): TextEdit | undefined {
  if (token.quoted || text.slice(token.start, token.end) !== token.value) return undefined;
  return { start: token.start, end: token.end, newText };
}
