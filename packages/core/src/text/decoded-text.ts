/**
 * A string decoded from source text (a YAML scalar, a shell word), with the source offset of every character.
 * `offsets[i]` is where `value[i]` came from; `offsets[value.length]` is the end of the source.
 */
export interface DecodedText {
  readonly value: string;
  readonly offsets: readonly number[];
}

/**
 * A value that is its source characters themselves (`offsets[i]` is `start + i`). Most words are, and a list of
 * 200,000 arguments would otherwise keep an array of offsets per character: the offsets are made only when asked.
 */
export class VerbatimText implements DecodedText {
  constructor(
    readonly value: string,
    readonly start: number,
  ) {}

  private made: readonly number[] | undefined;

  /** Made on the first read and kept; `sourceOffset` answers without making it. */
  get offsets(): readonly number[] {
    this.made ??= Array.from({ length: this.value.length + 1 }, (_, i) => this.start + i);
    return this.made;
  }
}

/** The source offset of the decoded character `index` (`value.length` gives the end of the source). */
export function sourceOffset(decoded: DecodedText, index: number): number {
  return decoded instanceof VerbatimText ? decoded.start + index : decoded.offsets[index]!;
}

/** Accumulates decoded characters together with their source offsets. */
export class DecodedBuilder {
  private readonly parts: string[] = [];
  readonly offsets: number[] = [];

  push(chars: string, sourceOffset: number, step = 0): void {
    for (let i = 0; i < chars.length; i++) {
      this.parts.push(chars[i]!);
      this.offsets.push(sourceOffset + i * step);
    }
  }

  /** Copies `source.slice(from, to)` verbatim, one source character per decoded character. */
  copy(source: string, from: number, to: number): void {
    for (let i = from; i < to; i++) {
      this.parts.push(source[i]!);
      this.offsets.push(i);
    }
  }

  get length(): number {
    return this.offsets.length;
  }

  finish(endOffset: number): DecodedText {
    const { offsets } = this;
    const start = offsets.length === 0 ? endOffset : offsets[0]!;
    let verbatim = endOffset === start + offsets.length;
    for (let i = 1; verbatim && i < offsets.length; i++) verbatim = offsets[i] === start + i;
    if (verbatim) return new VerbatimText(this.parts.join(''), start);
    return { value: this.parts.join(''), offsets: [...offsets, endOffset] };
  }
}

/** A `map` function for an ArgToken: index inside the decoded value to source offset. */
export function offsetMap(decoded: DecodedText, from = 0): (index: number) => number {
  if (decoded instanceof VerbatimText) {
    const { start, value } = decoded;
    return (index: number) => start + Math.max(0, Math.min(value.length, from + Math.trunc(index)));
  }
  const { offsets } = decoded;
  const last = offsets.length - 1;
  return (index: number) => offsets[Math.max(0, Math.min(last, from + Math.trunc(index)))]!;
}

/** True when the value is the source characters themselves (no quotes, escapes or folding in between). */
export function isVerbatim(decoded: DecodedText): boolean {
  if (decoded instanceof VerbatimText) return true;
  const { offsets } = decoded;
  for (let i = 1; i < offsets.length; i++) if (offsets[i] !== offsets[i - 1]! + 1) return false;
  return true;
}
