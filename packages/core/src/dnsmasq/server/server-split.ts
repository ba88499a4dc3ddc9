import type { Range } from '../../text/source-range.js';

/** A slice of an option value: its text and where it starts inside the value. */
export interface ValuePiece {
  readonly text: string;
  readonly start: number;
}

export function wholeValue(value: string): ValuePiece {
  return { text: value, start: 0 };
}

export function pieceRange(piece: ValuePiece): Range {
  return { start: piece.start, end: piece.start + piece.text.length };
}

export interface SplitPieces {
  readonly head: ValuePiece;
  readonly tail: ValuePiece;
  /** Offset of the separator inside the value. */
  readonly at: number;
}

/**
 * Splits at the first `separator` the way dnsmasq's option reader does: blanks (spaces only) just
 * before the separator are dropped from the head, blanks just after it are skipped in the tail.
 * So `127.0.0.1 # 53` is address `127.0.0.1` and port `53`, but a trailing blank stays in a port.
 */
export function splitFirst(piece: ValuePiece, separator: string): SplitPieces | undefined {
  const index = piece.text.indexOf(separator);
  if (index < 0) return undefined;
  const head = piece.text.slice(0, index).replace(/ +$/, '');
  let tailStart = index + 1;
  while (piece.text[tailStart] === ' ') tailStart++;
  return {
    head: { text: head, start: piece.start },
    tail: { text: piece.text.slice(tailStart), start: piece.start + tailStart },
    at: piece.start + index,
  };
}
