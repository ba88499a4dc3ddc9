import type { Node, Scalar, YAMLSeq } from 'yaml';
import type { DecodedText } from './decoded-text.js';
import type { ScalarStyle } from './scalar-decode.js';
import { decodeNode, decodeSource, isScalar, isSeq, mapGet, nodeRange, type ChunkSource } from './yaml-nodes.js';

/** A sequence (`command:` or `args:`) of a container, as written. */
export interface WordList {
  readonly key: 'command' | 'args';
  readonly flow: boolean;
  /** Absolute ranges of every item (scalars or not), in order: what list edits work with. */
  readonly itemRanges: readonly { readonly start: number; readonly end: number }[];
  readonly words: readonly ListWord[];
}

/** One scalar item of a command/args list. */
export interface ListWord {
  readonly list: WordList;
  /** Index of the item in its list. */
  readonly index: number;
  readonly decoded: DecodedText;
  readonly style: ScalarStyle;
  /** Absolute range of the item as written, quotes included. */
  readonly start: number;
  readonly end: number;
}

export function readWordList(src: ChunkSource, container: Node, key: 'command' | 'args'): WordList | undefined {
  const node = mapGet(container, key);
  if (!isSeq(node)) return undefined;
  const seq = node as YAMLSeq;
  const words: ListWord[] = [];
  const itemRanges: { start: number; end: number }[] = [];
  const list: WordList = { key, flow: Boolean(seq.flow), itemRanges, words };
  for (const item of seq.items) {
    const range = nodeRange(src, item as Node);
    itemRanges.push(range);
    if (!isScalar(item)) continue;
    const scalar = item as Scalar;
    words.push({ list, index: itemRanges.length - 1, decoded: decodeNode(src, scalar), style: scalar.type ?? 'PLAIN', start: range.start, end: range.end });
    // The items between this one and the next that `yaml` did not see (collapsed-runs.ts).
    const run = seq.flow ? undefined : src.runs?.get(range.start);
    if (!run) continue;
    const { bounds } = run;
    for (let b = 0; b < bounds.length; b += 2) {
      const start = bounds[b]!;
      const end = bounds[b + 1]!;
      itemRanges.push({ start, end });
      words.push({ list, index: itemRanges.length - 1, decoded: decodeSource(src, start, end, 'PLAIN'), style: 'PLAIN', start, end });
    }
  }
  return list;
}
