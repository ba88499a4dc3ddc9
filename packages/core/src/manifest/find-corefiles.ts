import { decodeDoubleQuoted } from './flow-scalar-decode.js';
import { isTemplateFileName } from '../text/placeholders.js';
import type { CorefileText } from '../corefile/corefile-lexer.js';
import type { Corefile, CorefileKind, CorefileSource } from '../corefile/model.js';
import { readCorefile, verbatim } from '../corefile/read-corefile.js';

/*
 * Where Corefiles live in a linted file: the whole file (`Corefile`, `*.Corefile`), or the `Corefile` key of a
 * ConfigMap, as a YAML block scalar or a quoted (JSON or YAML) string. The scan is line-based, not a YAML parse, so
 * template lines that break YAML (`{% if %}` at column 0 inside a block scalar) do not hide the Corefile.
 */

const STANDALONE = /(^|[\\/])([\w.-]*[.-])?corefile([.-][\w.-]*)?$/i;
const MANIFEST_EXT = /\.(ya?ml|json)(\.[\w]+)?$/i;
const KEY_LINE = /^([ \t]*)(?:-[ \t]+)?(["']?)(Corefile[\w.-]*)\2[ \t]*:[ \t]*([|>][-+0-9]*)[ \t]*(?:#.*)?$/;
const QUOTED_KEY = /(["']?)(Corefile[\w.-]*)\1[ \t]*:[ \t]*"/g;
const TAG_ONLY = /^(\{\{.*\}\}|\{%.*%\}|\{#.*#\}|<%.*%>)$/;

export function isStandaloneCorefileName(filePath: string | undefined): boolean {
  return filePath !== undefined && /corefile/i.test(filePath) && STANDALONE.test(filePath) && !MANIFEST_EXT.test(filePath);
}

/** Cheap test before any scanning. */
export function mayHoldCorefile(text: string, filePath: string | undefined): boolean {
  return isStandaloneCorefileName(filePath) || text.includes('Corefile');
}

export function findCorefiles(text: string, filePath?: string): Corefile[] {
  const templateFile = isTemplateFileName(filePath);
  if (isStandaloneCorefileName(filePath)) {
    const from: CorefileSource = { form: 'standalone', kind: kindOf(text), range: { start: 0, end: text.length }, lineEdits: true };
    return [readCorefile(text, verbatim(text), from, { templateFile })];
  }
  if (!text.includes('Corefile')) return [];
  const out: Corefile[] = [];
  const lines = lineStarts(text);
  for (let k = 0; k < lines.length; k++) {
    const lineStart = lines[k]!;
    const lineEnd = endOfLine(text, lineStart);
    const m = KEY_LINE.exec(text.slice(lineStart, lineEnd));
    if (!m || m[4]!.startsWith('>')) continue;
    const body = blockBody(text, lines, k + 1, m[1]!.length);
    if (!body) continue;
    const from: CorefileSource = { form: 'block-scalar', kind: kindOf(documentAround(text, lineStart)), key: m[3]!, range: body.range, lineEdits: true };
    out.push(readCorefile(text, body.decoded, from, { templateFile }));
  }
  for (const m of text.matchAll(QUOTED_KEY)) {
    const open = m.index + m[0].length - 1;
    const close = closingQuote(text, open);
    if (close < 0) continue;
    const decoded = decodeDoubleQuoted(text, open, close + 1);
    const from: CorefileSource = { form: 'quoted', kind: kindOf(documentAround(text, open)), key: m[2]!, range: { start: open, end: close + 1 }, lineEdits: false };
    out.push(readCorefile(text, decoded, from, { templateFile }));
  }
  return out;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function endOfLine(text: string, start: number): number {
  const nl = text.indexOf('\n', start);
  const end = nl < 0 ? text.length : nl;
  return end > start && text[end - 1] === '\r' ? end - 1 : end;
}

function indentAt(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && text[i] === ' ') i++;
  return i - start;
}

/** The lines of a block scalar that starts on line `first`, decoded with each character's offset. */
function blockBody(text: string, lines: readonly number[], first: number, keyIndent: number): { decoded: CorefileText; range: { start: number; end: number } } | undefined {
  let contentIndent = -1;
  let last = first;
  for (let k = first; k < lines.length; k++) {
    const s = lines[k]!;
    const e = endOfLine(text, s);
    const trimmed = text.slice(s, e).trim();
    if (trimmed === '' || TAG_ONLY.test(trimmed)) {
      last = k + 1;
      continue;
    }
    const indent = indentAt(text, s, e);
    if (indent <= keyIndent) break;
    if (contentIndent < 0) contentIndent = indent;
    last = k + 1;
  }
  if (contentIndent < 0) return undefined;
  // Lines are copied whole: one slice per line and a typed offset array keep this allocation-light.
  const parts: string[] = [];
  let length = 0;
  for (let k = first; k < last; k++) {
    const s = lines[k]!;
    const e = endOfLine(text, s);
    const strip = Math.min(contentIndent, indentAt(text, s, e));
    length += e - s - strip + (k + 1 < last ? 1 : 0);
  }
  const offsets = new Int32Array(length + 1);
  let at = 0;
  for (let k = first; k < last; k++) {
    const s = lines[k]!;
    const e = endOfLine(text, s);
    const from = s + Math.min(contentIndent, indentAt(text, s, e));
    parts.push(text.slice(from, e));
    for (let i = from; i < e; i++) offsets[at++] = i;
    if (k + 1 < last) {
      parts.push('\n');
      offsets[at++] = e;
    }
  }
  offsets[at] = endOfLine(text, lines[last - 1]!);
  const start = lines[first]!;
  const end = last < lines.length ? lines[last]! - 1 : text.length;
  return { decoded: { value: parts.join(''), offsets }, range: { start, end: Math.max(start, end) } };
}

function closingQuote(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '"') return i;
  }
  return -1;
}

function documentAround(text: string, at: number): string {
  const before = text.lastIndexOf('\n---', at);
  const after = text.indexOf('\n---', at);
  return text.slice(before < 0 ? 0 : before, after < 0 ? text.length : after);
}

function kindOf(doc: string): CorefileKind {
  if (/__PILLAR__|node-?local-?dns|nodelocaldns/i.test(doc)) return 'node-local-dns';
  if (/^\s*name:\s*["']?coredns["']?\s*$/m.test(doc)) return 'coredns';
  return 'unknown';
}
