import { decodingSource, WordList, type ListWord, type ReadWords } from './container-words.js';
import type { ScalarStyle } from './scalar-decode.js';
import { decodeSource, type ChunkSource } from './yaml-nodes.js';
import { inlineConditionalContent } from './inline-conditional.js';

/**
 * Line-level reading of YAML-shaped text that `yaml` could not parse: the lines of a range with
 * their indentation, and `key: [flow]` / `key:` + `- item` lists read item by item.
 */
export interface Line {
  readonly start: number;
  /** End of the content (before `\r\n`). */
  readonly end: number;
  readonly indent: number;
  /** Blank, a comment, or tab-indented. */
  readonly empty: boolean;
  /** A tab in the indentation, before some content. */
  readonly tabbed: boolean;
}

export function linesOf(text: string, from: number, to: number): Line[] {
  const lines: Line[] = [];
  for (let start = from; start < to; ) {
    let nl = text.indexOf('\n', start);
    if (nl < 0 || nl > to) nl = to;
    const end = nl > start && text[nl - 1] === '\r' ? nl - 1 : nl;
    let i = start;
    while (i < end && (text[i] === ' ' || text[i] === '\t')) i++;
    // A tab in the indentation is not YAML structure: such lines are passed over like comments.
    const tabbed = text.slice(start, i).includes('\t');
    lines.push({ start, end, indent: i - start, empty: i === end || text[i] === '#' || tabbed, tabbed: tabbed && i < end && text[i] !== '#' });
    start = nl + 1;
  }
  return lines;
}

/** Where a plain item ends: before a ` #` comment and trailing blanks. */
function plainEnd(text: string, from: number, to: number): number {
  let end = to;
  const comment = text.slice(from, to).search(/[ \t]#/);
  if (comment >= 0) end = from + comment;
  while (end > from && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  return end;
}

/** The end of a quoted scalar starting at `from` (same line only), or -1. */
function quotedEnd(text: string, from: number, to: number): number {
  const q = text[from];
  for (let i = from + 1; i < to; i++) {
    if (q === '"' && text[i] === '\\') i++;
    else if (text[i] === q) {
      if (q === "'" && text[i + 1] === "'") i++;
      else return i + 1;
    }
  }
  return -1;
}

interface RawItem {
  readonly start: number;
  readonly end: number;
  readonly style: ScalarStyle;
}

function itemAt(text: string, from: number, to: number, flow: boolean): RawItem {
  const c = text[from];
  if (c === '"' || c === "'") {
    const end = quotedEnd(text, from, to);
    if (end > 0) return { start: from, end, style: c === '"' ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE' };
  }
  const stop = flow ? Math.min(...[',', ']'].map((s) => text.indexOf(s, from)).filter((i) => i >= 0 && i <= to), to) : to;
  return { start: from, end: plainEnd(text, from, stop), style: 'PLAIN' };
}

/** Items of a one-line flow list `[a, "b", 'c']` starting at the `[`. */
function flowItems(text: string, open: number, to: number): RawItem[] {
  const items: RawItem[] = [];
  let i = open + 1;
  while (i < to) {
    while (i < to && /[\s,]/.test(text[i]!)) i++;
    if (i >= to || text[i] === ']') break;
    const item = itemAt(text, i, to, true);
    if (item.end > item.start) items.push(item);
    i = Math.max(item.end, i + 1);
  }
  return items;
}

/**
 * Items of a block list: `- item` lines right below `keyLine` at one dash column. `passedOver` tells whether an item
 * line indented with a tab was among them: not YAML, so not read, and the list is not all there.
 */
function blockItems(src: ChunkSource, lines: readonly Line[], keyIndex: number, keyColumn: number): { items: RawItem[]; passedOver: boolean } {
  const text = src.masked;
  const items: RawItem[] = [];
  let passedOver = false;
  let dashColumn = -1;
  for (let n = keyIndex + 1; n < lines.length; n++) {
    const line = lines[n]!;
    if (line.tabbed && text[line.start + line.indent] === '-') passedOver = true;
    if (line.empty) continue;
    // `{{ if .Values.x }}- --no-negcache{{ end }}`: the item the tags wrap, at the column where the tag starts.
    const wrapped = text[line.start + line.indent] === '_' ? inlineConditionalContent(src.original, line.start + line.indent, line.end) : undefined;
    const dashAt = wrapped ? wrapped.start : line.start + line.indent;
    const end = wrapped ? wrapped.end : line.end;
    if (text[dashAt] !== '-' || !/[ \t]/.test(text[dashAt + 1] ?? '')) break;
    if (dashColumn < 0) dashColumn = line.indent;
    if (line.indent !== dashColumn || line.indent < keyColumn - 2) break;
    let at = dashAt + 1;
    while (at < end && (text[at] === ' ' || text[at] === '\t')) at++;
    items.push(itemAt(text, at, end, false));
  }
  return { items, passedOver };
}

/** Reads the list under `key:` on line `keyIndex` (value starting at `valueAt`) as a WordList. */
export function readLineList(src: ChunkSource, lines: readonly Line[], keyIndex: number, key: 'command' | 'args', valueAt: number, keyColumn: number): ReadWords {
  const text = src.masked;
  const line = lines[keyIndex]!;
  const flow = text[valueAt] === '[';
  const { items: raw, passedOver } = flow ? { items: flowItems(text, valueAt, line.end), passedOver: false } : blockItems(src, lines, keyIndex, keyColumn);
  const words: ListWord[] = [];
  const list = new WordList(key, flow, decodingSource(src));
  for (const item of raw) words.push(list.addItem(item.start, item.end, item.style, decodeSource(src, item.start, item.end, item.style))!);
  return { list: list.seal(), words, ...(passedOver ? { passedOver: true as const } : {}) };
}
