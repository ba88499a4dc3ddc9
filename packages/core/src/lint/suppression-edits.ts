import type { TextEdit } from '../text/text-edit.js';
import { REASON_PLACEHOLDER, SUPPRESS_FILE, SUPPRESS_NEXT_LINE } from './suppression-spellings.js';

/** JSON has no comments: suppression comments are only offered for YAML-looking text. */
export function acceptsComments(text: string, languageId: string): boolean {
  if (languageId === 'json' || languageId === 'jsonc') return false;
  return !/^\s*[[{]/.test(text);
}

function lineEnding(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

interface Line {
  readonly start: number;
  readonly text: string;
}

function linesBefore(text: string, offset: number): Line[] {
  const lines: Line[] = [];
  let start = offset <= 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
  let end = text.indexOf('\n', start);
  lines.push({ start, text: text.slice(start, end === -1 ? text.length : end).replace(/\r$/, '') });
  while (start > 0 && lines.length < 2000) {
    end = start - 1;
    start = text.lastIndexOf('\n', end - 1) + 1;
    lines.push({ start, text: text.slice(start, end).replace(/\r$/, '') });
  }
  return lines;
}

const indentOf = (line: string): number => /^[ \t]*/.exec(line)![0].length;
const BLOCK_SCALAR_HEADER = /(^|[\s:-])[|>][-+0-9]*\s*(#.*)?$/;

/**
 * `# kube-dns-tools-disable-next-line RULE -- <reason>` above the line holding `offset`, in that line's indentation;
 * undefined when the line sits inside a block scalar (`|`/`>`), where a comment would become part of the string.
 * (Inside a multi-line flow sequence or a JSON-in-YAML value the comment is still valid YAML.)
 */
export function disableLineEdit(text: string, offset: number, ruleId: string): TextEdit | undefined {
  const [line, ...above] = linesBefore(text, offset);
  if (!line) return undefined;
  const indent = indentOf(line.text);
  // A block scalar swallows every more-indented line after its header: walk the less-indented lines above.
  let enclosing = indent;
  for (const previous of above) {
    const trimmed = previous.text.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const level = indentOf(previous.text);
    if (level >= enclosing) continue;
    if (BLOCK_SCALAR_HEADER.test(previous.text)) return undefined;
    enclosing = level;
    if (enclosing === 0) break;
  }
  const comment = `${line.text.slice(0, indent)}# ${SUPPRESS_NEXT_LINE} ${ruleId} -- ${REASON_PLACEHOLDER}${lineEnding(text)}`;
  return { start: line.start, end: line.start, newText: comment };
}

/** `# kube-dns-tools-disable RULE -- <reason>` as the file's first line. */
export function disableFileEdit(text: string, ruleId: string): TextEdit {
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  return { start: bom, end: bom, newText: `# ${SUPPRESS_FILE} ${ruleId} -- ${REASON_PLACEHOLDER}${lineEnding(text)}` };
}
