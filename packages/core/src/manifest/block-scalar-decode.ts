import { DecodedBuilder, type DecodedText } from '../text/decoded-text.js';

/**
 * Literal (`|`) and folded (`>`) YAML block scalars: the value and where each character came from.
 * `start` is the header indicator, `end` the end of the scalar's last line (as `yaml` reports it).
 * The content indentation is detected from the first non-empty line (an explicit indentation
 * indicator is honoured only when it agrees, which covers what manifests use).
 */

interface ContentLine {
  /** Offset of the first content character (after the indentation). */
  readonly from: number;
  /** Offset of the line break (or `end`). */
  readonly to: number;
  readonly empty: boolean;
  /** Starts with a blank after the indentation: folding keeps its line breaks. */
  readonly spaced: boolean;
}

function lineEnd(text: string, i: number, end: number): number {
  let j = i;
  while (j < end && text[j] !== '\n') j++;
  return j > i && text[j - 1] === '\r' ? j - 1 : j;
}

function nextLine(text: string, i: number, end: number): number {
  let j = i;
  while (j < end && text[j] !== '\n') j++;
  return j + 1;
}

function readLines(text: string, bodyStart: number, end: number): ContentLine[] {
  const lines: ContentLine[] = [];
  let indent = -1;
  for (let i = bodyStart; i < end; i = nextLine(text, i, end)) {
    const to = lineEnd(text, i, end);
    let j = i;
    while (j < to && text[j] === ' ') j++;
    const blankOnly = /^[ \t]*$/.test(text.slice(j, to));
    if (indent < 0 && !blankOnly) indent = j - i;
    const empty = blankOnly && (indent < 0 || j - i <= indent || j === to);
    if (empty) {
      lines.push({ from: to, to, empty: true, spaced: false });
      continue;
    }
    const from = Math.min(i + Math.max(indent, 0), to);
    lines.push({ from, to, empty: false, spaced: text[from] === ' ' || text[from] === '\t' });
  }
  return lines;
}

export function decodeBlockScalar(text: string, start: number, end: number): DecodedText {
  const headerEnd = lineEnd(text, start, end);
  const header = text.slice(start, headerEnd).replace(/\s#.*$/, '').trim();
  const folded = header.startsWith('>');
  const chomp = header.includes('-') ? 'strip' : header.includes('+') ? 'keep' : 'clip';
  const bodyStart = Math.min(nextLine(text, start, end), end);
  const lines = bodyStart >= end ? [] : readLines(text, bodyStart, end);

  const out = new DecodedBuilder();
  let prev: 'none' | 'text' | 'spaced' = 'none';
  let pendingEmpty: ContentLine[] = [];
  let lastBreak = bodyStart;
  for (const line of lines) {
    if (line.empty) {
      pendingEmpty.push(line);
      continue;
    }
    const cur = line.spaced ? 'spaced' : 'text';
    if (prev === 'none') {
      for (const e of pendingEmpty) out.push('\n', e.from);
    } else if (folded && prev === 'text' && cur === 'text') {
      if (pendingEmpty.length === 0) out.push(' ', lastBreak);
      for (const e of pendingEmpty) out.push('\n', e.from);
    } else {
      out.push('\n', lastBreak);
      for (const e of pendingEmpty) out.push('\n', e.from);
    }
    pendingEmpty = [];
    out.copy(text, line.from, line.to);
    lastBreak = line.to;
    prev = cur;
  }
  if (prev !== 'none' && chomp !== 'strip') out.push('\n', lastBreak);
  if (chomp === 'keep') for (const e of pendingEmpty) out.push('\n', e.from);
  return out.finish(end);
}
