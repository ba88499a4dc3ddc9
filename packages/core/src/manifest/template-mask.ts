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

/** Indentation of the nearest line above that has content, or -1. */
function previousIndent(text: string, lineStart: number): number {
  let end = lineStart - 1;
  while (end > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    if (text.slice(start, end).trim() !== '') return indentOf(text, start);
    end = start - 1;
  }
  return -1;
}

/**
 * Blank out whole lines whose only content is tags; `_` out tags that share a line with YAML.
 * A line holding only a printed value that is indented deeper than the line above stays as `_`s:
 * it is the content of a block scalar (`stubDomains: |` + `{{ ToJSON .X }}`), not a rendered block.
 */
function maskTags(text: string, tags: readonly TemplateTag[]): string {
  const chars = text.split('');
  const inTag = new Uint8Array(text.length);
  const blank = (from: number, to: number, fill: string): void => {
    for (let i = from; i < to; i++) if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = fill;
  };
  for (const tag of tags) {
    inTag.fill(1, tag.start, tag.end);
    blank(tag.start, tag.end, '_');
  }
  let doneUpTo = -1;
  for (let t = 0; t < tags.length; t++) {
    const tag = tags[t]!;
    const [lineStart] = lineBounds(text, tag.start);
    const [, lineEnd] = lineBounds(text, Math.max(tag.start, tag.end - 1));
    if (lineStart < doneUpTo) continue;
    doneUpTo = lineEnd;
    let onlyTags = true;
    for (let i = lineStart; i < lineEnd && onlyTags; i++) {
      if (!inTag[i] && !/\s/.test(text[i]!)) onlyTags = false;
    }
    if (!onlyTags) continue;
    const lineTags = tags.slice(t).filter((x) => x.start < lineEnd);
    const printsOnly = lineTags.every((x) => x.output);
    if (printsOnly && indentOf(text, lineStart) > previousIndent(text, lineStart)) continue;
    blank(lineStart, lineEnd, ' ');
  }
  return chars.join('');
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

export function isConditional(mask: TemplateMask, offset: number): boolean {
  for (const r of mask.conditional) if (offset >= r.start && offset < r.end) return true;
  return false;
}
