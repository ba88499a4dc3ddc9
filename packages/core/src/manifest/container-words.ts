import type { Node, Scalar, YAMLSeq } from 'yaml';
import type { Range } from '../text/source-range.js';
import { VerbatimText, type DecodedText } from '../text/decoded-text.js';
import type { ScalarStyle } from './scalar-decode.js';
import { decodeNode, decodeSource, isAlias, isScalar, isSeq, mapGet, nodeRange, type ChunkSource } from './yaml-nodes.js';

/**
 * A sequence (`command:` or `args:`) of a container, as written. It keeps a few numbers per item; the words
 * themselves (objects with their decoded text) are made while the reader looks at them and again when an edit
 * needs one, so a list of 200,000 arguments does not keep 200,000 of them for as long as the file is linted.
 */
export class WordList {
  private bounds: Int32Array | number[] = [];
  private wordItems: Int32Array | number[] = [];
  private styles: Uint8Array | number[] = [];
  /** How many words use each style, in the order the styles first appear. */
  readonly styleCounts = new Map<ScalarStyle, number>();

  constructor(
    readonly key: 'command' | 'args',
    readonly flow: boolean,
    /** Where words are decoded from again (absolute offsets; no runs). */
    private readonly src: ChunkSource,
    /** An anchored list (`&name`), or one read through an alias: other lists may be this very text. */
    readonly shared = false,
  ) {}

  /** Absolute range of item `index` (scalar or not), undefined outside the list. */
  itemRange(index: number): Range | undefined {
    if (index < 0 || 2 * index >= this.bounds.length) return undefined;
    return { start: this.bounds[2 * index]!, end: this.bounds[2 * index + 1]! };
  }

  /** The list's word `at` (its `at`-th scalar item), decoded again as the reader read it. */
  word(at: number): ListWord {
    const index = this.wordItems[at]!;
    const start = this.bounds[2 * index]!;
    const end = this.bounds[2 * index + 1]!;
    const style = STYLES[this.styles[at]!]!;
    return { list: this, at, index, decoded: decodeSource(this.src, start, end, style), style, start, end };
  }

  /** Adds an item; a scalar one becomes a word, whose object is returned. */
  addItem(start: number, end: number, style?: ScalarStyle, decoded?: DecodedText): ListWord | undefined {
    const index = this.bounds.length / 2;
    (this.bounds as number[]).push(start, end);
    if (style === undefined || decoded === undefined) return undefined;
    const at = this.wordItems.length;
    (this.wordItems as number[]).push(index);
    (this.styles as number[]).push(STYLES.indexOf(style));
    this.styleCounts.set(style, (this.styleCounts.get(style) ?? 0) + 1);
    return { list: this, at, index, decoded, style, start, end };
  }

  /** Done adding: the numbers of a long list go into typed arrays (a short one's cost more to copy than they save). */
  seal(): this {
    if (this.bounds.length < SEAL_FROM_NUMBERS) return this;
    this.bounds = Int32Array.from(this.bounds);
    this.wordItems = Int32Array.from(this.wordItems);
    this.styles = Uint8Array.from(this.styles);
    return this;
  }
}

const SEAL_FROM_NUMBERS = 512;

const STYLES: readonly ScalarStyle[] = ['PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED'];

/** A list as the reader reads it: the list, and its words in order. */
export interface ReadWords {
  readonly list: WordList;
  readonly words: readonly ListWord[];
  /** The line reader passed over items it could not read (tab-indented): the list is not all there. */
  readonly passedOver?: true;
}

/** One scalar item of a command/args list. */
export interface ListWord {
  readonly list: WordList;
  /** Position of the word among its list's words. */
  readonly at: number;
  /** Index of the item in its list. */
  readonly index: number;
  readonly decoded: DecodedText;
  readonly style: ScalarStyle;
  /** Absolute range of the item as written, quotes included. */
  readonly start: number;
  readonly end: number;
}

/** Whether the text holds an alias `*name` of the anchor. */
function aliased(text: string, anchor: string): boolean {
  const name = anchor.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[\\s\\[{,:])\\*${name}(?=$|[\\s\\]},])`, 'm').test(text);
}

/** What a list keeps to decode its words again: the texts, never the runs. */
export function decodingSource(src: ChunkSource): ChunkSource {
  return { original: src.original, masked: src.masked, base: src.base };
}

/** `yamlKey` names the key where it differs from its role (Compose writes a container's command as `entrypoint`). */
export function readWordList(src: ChunkSource, container: Node, key: 'command' | 'args', yamlKey: string = key): ReadWords | undefined {
  const written = mapGet(container, yamlKey);
  // `args: *dnsmasq_args`: the list is the anchored one, read where it is written.
  const node = isAlias(written) ? src.resolveAlias?.(written) : written;
  if (!isSeq(node)) return undefined;
  const seq = node as YAMLSeq;
  const words: ListWord[] = [];
  // Shared: read through an alias, or anchored (the list, or the container merged elsewhere with `<<:`) and aliased.
  const anchors = [seq.anchor, (container as { anchor?: string }).anchor].filter((a): a is string => a !== undefined);
  const shared = isAlias(written) || anchors.some((a) => aliased(src.masked, a));
  const list = new WordList(key, Boolean(seq.flow), decodingSource(src), shared);
  for (const item of seq.items) {
    const range = nodeRange(src, item as Node);
    if (!isScalar(item)) {
      list.addItem(range.start, range.end);
      continue;
    }
    const scalar = item as Scalar;
    words.push(list.addItem(range.start, range.end, scalar.type ?? 'PLAIN', decodeNode(src, scalar))!);
    // The items between this one and the next that `yaml` did not see (collapsed-runs.ts): one-line plain
    // scalars, whose value is their source text.
    const run = seq.flow ? undefined : src.runs?.get(range.start);
    if (!run) continue;
    const { bounds } = run;
    for (let b = 0; b < bounds.length; b += 2) {
      const start = bounds[b]!;
      const end = bounds[b + 1]!;
      words.push(list.addItem(start, end, 'PLAIN', new VerbatimText(src.original.slice(start, end), start))!);
    }
  }
  return { list: list.seal(), words };
}
