/**
 * A string decoded from source text (a YAML scalar, a shell word), with the source offset of every character.
 * `offsets[i]` is where `value[i]` came from; `offsets[value.length]` is the end of the source.
 */
export interface DecodedText {
  readonly value: string;
  readonly offsets: readonly number[];
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
    return { value: this.parts.join(''), offsets: [...this.offsets, endOffset] };
  }
}

/** A `map` function for an ArgToken: index inside the decoded value to source offset. */
export function offsetMap(decoded: DecodedText, from = 0): (index: number) => number {
  const { offsets } = decoded;
  const last = offsets.length - 1;
  return (index: number) => offsets[Math.max(0, Math.min(last, from + Math.trunc(index)))]!;
}

/** True when the value is the source characters themselves (no quotes, escapes or folding in between). */
export function isVerbatim(decoded: DecodedText): boolean {
  const { offsets } = decoded;
  for (let i = 1; i < offsets.length; i++) if (offsets[i] !== offsets[i - 1]! + 1) return false;
  return true;
}
