import type { Range } from '../dnsmasq/source-range.js';
import { findTemplateTags, mayHoldTemplates, type TemplateTag } from './template-tags.js';

/**
 * A copy of the text that `yaml` can parse, the same length as the original so every offset stays
 * valid: a line made only of template tags becomes blank, a tag inside a line becomes `_`s.
 * Line breaks are never touched.
 */
export interface TemplateMask {
  readonly masked: string;
  readonly tags: readonly TemplateTag[];
  /** Stretches between an opening tag (`if`, `range`, `for`, ...) and its closing tag. */
  readonly conditional: readonly Range[];
}

const NO_TEMPLATES: TemplateMask = { masked: '', tags: [], conditional: [] };

function lineBounds(text: string, at: number): [number, number] {
  const start = text.lastIndexOf('\n', at - 1) + 1;
  let end = text.indexOf('\n', at);
  if (end < 0) end = text.length;
  return [start, end];
}

function indentOf(text: string, lineStart: number): number {
  let i = lineStart;
  while (text[i] === ' ' || text[i] === '\t') i++;
  return i - lineStart;
}

const TAG_ONLY_LINE = /^(\{\{.*\}\}|\{%.*%\}|\{#.*#\}|<%.*%>)$/;

/** Indentation of the nearest line above that has YAML content (not blank, not only a tag), or -1. */
function previousIndent(text: string, lineStart: number): number {
  let end = lineStart - 1;
  while (end > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end).trim();
    if (line !== '' && !TAG_ONLY_LINE.test(line)) return indentOf(text, start);
    end = start - 1;
  }
  return -1;
}

/** Same-length filler: every character but line breaks becomes `fill`. */
function filler(text: string, from: number, to: number, fill: string): string {
  let out = '';
  for (let i = from; i < to; i++) {
    const c = text[i]!;
    out += c === '\n' || c === '\r' ? c : fill;
  }
  return out;
}

/**
 * Blank out whole lines whose only content is tags; `_` out tags that share a line with YAML.
 * A line holding only a printed value that is indented deeper than the line above stays as `_`s:
 * it is the content of a block scalar (`stubDomains: |` + `{{ ToJSON .X }}`), not a rendered block.
 */
function maskTags(text: string, tags: readonly TemplateTag[]): string {
  const pieces: string[] = [];
  let copied = 0;
  const replace = (from: number, to: number, fill: string): void => {
    pieces.push(text.slice(copied, from), filler(text, from, to, fill));
    copied = to;
  };
  for (let t = 0; t < tags.length; ) {
    const [lineStart] = lineBounds(text, tags[t]!.start);
    let [, lineEnd] = lineBounds(text, Math.max(tags[t]!.start, tags[t]!.end - 1));
    let last = t + 1;
    while (last < tags.length && tags[last]!.start < lineEnd) {
      lineEnd = Math.max(lineEnd, lineBounds(text, Math.max(tags[last]!.start, tags[last]!.end - 1))[1]);
      last++;
    }
    const group = tags.slice(t, last);
    let onlyTags = true;
    let at = lineStart;
    for (const tag of [...group, { start: lineEnd, end: lineEnd }]) {
      if (text.slice(at, tag.start).trim() !== '') onlyTags = false;
      at = Math.max(at, tag.end);
    }
    const blockContent = group.every((x) => 'output' in x && x.output) && indentOf(text, lineStart) > previousIndent(text, lineStart);
    if (onlyTags && !blockContent) replace(lineStart, lineEnd, ' ');
    else for (const tag of group) replace(Math.max(copied, tag.start), tag.end, '_');
    t = last;
  }
  pieces.push(text.slice(copied));
  return pieces.join('');
}

function conditionalRanges(tags: readonly TemplateTag[], textLength: number): Range[] {
  const ranges: Range[] = [];
  const open: number[] = [];
  for (const tag of tags) {
    if (tag.role === 'open') open.push(tag.end);
    else if (tag.role === 'close') {
      const from = open.pop();
      if (from !== undefined) ranges.push({ start: from, end: tag.start });
    }
  }
  for (const from of open) ranges.push({ start: from, end: textLength });
  return ranges;
}

export function maskTemplates(text: string): TemplateMask {
  if (!mayHoldTemplates(text)) return { ...NO_TEMPLATES, masked: text };
  const tags = findTemplateTags(text);
  if (tags.length === 0) return { ...NO_TEMPLATES, masked: text };
  return { masked: maskTags(text, tags), tags, conditional: conditionalRanges(tags, text.length) };
}

/** Nesting depth of conditionals after each boundary, for a binary search per offset. */
interface DepthIndex {
  readonly at: number[];
  readonly depth: number[];
}
const depthIndexes = new WeakMap<TemplateMask, DepthIndex>();

function depthIndex(mask: TemplateMask): DepthIndex {
  let index = depthIndexes.get(mask);
  if (index) return index;
  const events = mask.conditional.flatMap((r) => [[r.start, 1] as const, [r.end, -1] as const]).sort((a, b) => a[0] - b[0]);
  let depth = 0;
  index = { at: events.map((e) => e[0]), depth: events.map((e) => (depth += e[1])) };
  depthIndexes.set(mask, index);
  return index;
}

export function isConditional(mask: TemplateMask, offset: number): boolean {
  if (mask.conditional.length === 0) return false;
  const { at, depth } = depthIndex(mask);
  let lo = 0;
  let hi = at.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (at[mid]! <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found >= 0 && depth[found]! > 0;
}
