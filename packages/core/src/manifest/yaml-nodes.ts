import { isAlias, isMap, isScalar, isSeq, type Alias, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Range } from '../text/source-range.js';
import type { CollapsedRun } from './collapsed-runs.js';
import type { DecodedText } from '../text/decoded-text.js';
import { decodeScalar, type ScalarStyle } from './scalar-decode.js';

/**
 * One parsed chunk of the file: `yaml` saw `masked` (template tags blanked, same length as the
 * original); node offsets are relative to `base`. Values are always decoded from `original`.
 */
export interface ChunkSource {
  readonly original: string;
  readonly masked: string;
  readonly base: number;
  /** Runs of items `yaml` did not see (collapsed-runs.ts), by the start of the item before them. */
  readonly runs?: ReadonlyMap<number, CollapsedRun>;
  /** The node a YAML alias (`*name`) of the document being read stands for. */
  readonly resolveAlias?: (alias: Alias) => Node | undefined;
}

export function mapGet(node: unknown, key: string): Node | undefined {
  if (!isMap(node)) return undefined;
  let found: Node | undefined;
  for (const pair of (node as YAMLMap).items as Pair[]) {
    const k = pair.key;
    if (isScalar(k) && k.value === key) found = (pair.value ?? undefined) as Node | undefined;
  }
  return found;
}

export function mapPath(node: unknown, ...keys: string[]): Node | undefined {
  let current: unknown = node;
  for (const key of keys) current = mapGet(current, key);
  return current as Node | undefined;
}

/** Absolute source range of a node's value (without trailing comments). */
export function nodeRange(src: ChunkSource, node: Node): Range {
  const [start, valueEnd] = node.range ?? [0, 0];
  return { start: src.base + start, end: src.base + valueEnd };
}

/**
 * The value of the scalar at `[start, end)` as written in the original text, with the offset of every
 * character. The structure (quotes, folding, lines) is decoded from the masked text `yaml` saw; every
 * character copied from the source is then taken from the original, so template tags come back as written.
 */
export function decodeSource(src: ChunkSource, start: number, end: number, style: ScalarStyle): DecodedText {
  const decoded = decodeScalar(src.masked, start, end, style);
  if (src.masked === src.original) return decoded;
  const { offsets } = decoded;
  let value = '';
  for (let i = 0; i < decoded.value.length; i++) {
    const c = decoded.value[i]!;
    const at = offsets[i]!;
    value += src.masked[at] === c ? src.original[at] : c;
  }
  return { value, offsets };
}

export function decodeNode(src: ChunkSource, node: Scalar): DecodedText {
  const { start, end } = nodeRange(src, node);
  return decodeSource(src, start, end, node.type ?? 'PLAIN');
}

/** A scalar's string value from the original text (`undefined` for anything that is not a scalar). */
export function stringAt(src: ChunkSource, node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  return decodeNode(src, node).value;
}

export function seqItems(node: unknown): readonly unknown[] {
  return isSeq(node) ? (node as YAMLSeq).items : [];
}

export { isAlias, isMap, isScalar, isSeq };
