/** A position as LSP counts it: 0-based line, 0-based UTF-16 character. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface SourceSpan {
  /** UTF-16 offsets into the linted text, half-open. */
  readonly start: number;
  readonly end: number;
  readonly startPosition: Position;
  readonly endPosition: Position;
}

export interface TextEdit {
  /** Offsets into the original text, half-open; `start === end` inserts. */
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}
