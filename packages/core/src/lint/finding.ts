/** The lint engine's output: plain data, the same for the CLI and the language server. */

export type Severity = 'error' | 'warning' | 'info' | 'hint';

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

export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  readonly preferred?: boolean;
}

export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly span: SourceSpan;
  readonly docsUrl: string;
  readonly fixes: readonly Fix[];
}
