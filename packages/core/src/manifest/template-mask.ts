import { findTemplateTags, mayHoldTemplates, type TemplateTag } from '../text/template-tags.js';
import { conditionsAt, templateConditions, type TemplateConditions } from './template-conditions.js';

/**
 * A copy of the text that `yaml` can parse, the same length as the original so every offset stays
 * valid: a line made only of template tags becomes blank, a tag inside a line becomes `_`s.
 * Line breaks are never touched.
 */
export interface TemplateMask {
  readonly masked: string;
  readonly tags: readonly TemplateTag[];
  /** Which conditional branches hold each offset. */
  readonly conditions: TemplateConditions;
}

const NO_TEMPLATES: TemplateMask = { masked: '', tags: [], conditions: templateConditions([]) };

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

export function maskTemplates(text: string): TemplateMask {
  if (!mayHoldTemplates(text)) return { ...NO_TEMPLATES, masked: text };
  const tags = findTemplateTags(text);
  if (tags.length === 0) return { ...NO_TEMPLATES, masked: text };
  return { masked: maskTags(text, tags), tags, conditions: templateConditions(tags) };
}

export function isConditional(mask: TemplateMask, offset: number): boolean {
  return conditionsAt(mask.conditions, offset).length > 0;
}
