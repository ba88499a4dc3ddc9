import { isScalar, isSeq, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Range } from '../text/source-range.js';
import type { TemplateTag } from '../text/template-tags.js';
import { nodeRange, type ChunkSource } from './yaml-nodes.js';

const LIST_KEYS = new Set(['command', 'args']);

/**
 * Whether a template prints words into the container's `command:` or `args:` list that are not there to read: a
 * printing tag in the list's lines outside every item, as in `args: {{ .Values.args }}`, or `args:` followed by
 * `{{- toYaml .Values.dnsmasq.args | nindent 8 }}`, or items added by a `{{- with .Values.extraArgs }}` block. A
 * tag inside an item is that item's own (a templated word), which the lint sees.
 */
export function templatePrintsListWords(src: ChunkSource, container: YAMLMap, tags: readonly TemplateTag[]): boolean {
  if (!tags.some((t) => t.output)) return false;
  for (const pair of container.items as Pair[]) {
    const key = pair.key;
    if (!isScalar(key) || !LIST_KEYS.has(String(key.value))) continue;
    const keyRange = nodeRange(src, key as Node);
    const end = container.flow ? valueEnd(src, pair, keyRange) : blockValueEnd(src.masked, keyRange.start);
    const items = itemRanges(src, pair.value);
    const printsOutside = (t: TemplateTag) => t.output && t.start >= keyRange.end && t.start < end && !items.some((r) => t.start >= r.start && t.end <= r.end);
    if (tags.some(printsOutside)) return true;
  }
  return false;
}

function valueEnd(src: ChunkSource, pair: Pair, keyRange: Range): number {
  return pair.value ? nodeRange(src, pair.value as Node).end : keyRange.end;
}

/**
 * The end of a block key's value: the start of the first later line that holds something and is indented less than
 * the key, or as much and is not an item of a sequence written at the key's own indentation.
 */
function blockValueEnd(masked: string, keyStart: number): number {
  const keyLineStart = masked.lastIndexOf('\n', keyStart - 1) + 1;
  const keyIndent = keyStart - keyLineStart;
  for (let lineStart = masked.indexOf('\n', keyStart) + 1; lineStart > 0; lineStart = masked.indexOf('\n', lineStart) + 1) {
    let i = lineStart;
    while (masked[i] === ' ' || masked[i] === '\t') i++;
    if (i >= masked.length || masked[i] === '\n' || masked[i] === '\r') continue;
    const indent = i - lineStart;
    const item = masked[i] === '-' && (masked[i + 1] === ' ' || masked[i + 1] === '\n' || masked[i + 1] === '\r' || i + 1 >= masked.length);
    if (indent < keyIndent || (indent === keyIndent && !item)) return lineStart;
  }
  return masked.length;
}

/** The source ranges of a sequence's items, the runs read apart from `yaml` included. */
function itemRanges(src: ChunkSource, value: unknown): Range[] {
  if (!isSeq(value)) return [];
  const ranges: Range[] = [];
  for (const item of (value as YAMLSeq).items) {
    const range = nodeRange(src, item as Node);
    ranges.push(range);
    const run = src.runs?.get(range.start);
    if (run) for (let b = 0; b < run.bounds.length; b += 2) ranges.push({ start: run.bounds[b]!, end: run.bounds[b + 1]! });
  }
  return ranges;
}
