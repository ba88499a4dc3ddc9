import type { Node, Scalar, YAMLSeq } from 'yaml';
import type { DecodedText } from './decoded-text.js';
import type { ScalarStyle } from './scalar-decode.js';
import { decodeNode, isScalar, isSeq, mapGet, nodeRange, type ChunkSource } from './yaml-nodes.js';

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

/** `yamlKey` names the key where it differs from its role (Compose writes a container's command as `entrypoint`). */
export function readWordList(src: ChunkSource, container: Node, key: 'command' | 'args', yamlKey: string = key): WordList | undefined {
  const node = mapGet(container, yamlKey);
  if (!isSeq(node)) return undefined;
  const seq = node as YAMLSeq;
  const words: ListWord[] = [];
  const itemRanges = seq.items.map((item) => nodeRange(src, item as Node));
  const list: WordList = { key, flow: Boolean(seq.flow), itemRanges, words };
  seq.items.forEach((item, index) => {
    if (!isScalar(item)) return;
    const scalar = item as Scalar;
    const range = itemRanges[index]!;
    words.push({ list, index, decoded: decodeNode(src, scalar), style: scalar.type ?? 'PLAIN', start: range.start, end: range.end });
  });
  return list;
}
