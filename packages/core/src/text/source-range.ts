/** Half-open range of UTF-16 offsets `[start, end)` into some text (an argv word, a value, or a whole file). */
export interface Range {
  readonly start: number;
  readonly end: number;
}

/**
 * One argv word and where it came from. `start`/`end` are offsets in the source document.
 * When the word is a decoded YAML/shell scalar (escapes, quotes), `map` turns an index into `text`
 * into a source offset; without it the mapping is `start + index`.
 */
export interface ArgToken {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly map?: (index: number) => number;
}

export function tokenOffset(token: ArgToken, index: number): number {
  if (token.map) return token.map(index);
  return Math.min(token.start + index, token.end);
}

/** The source range of `text.slice(from, to)` inside the token. */
export function tokenRange(token: ArgToken, from: number, to: number): Range {
  return { start: tokenOffset(token, from), end: tokenOffset(token, to) };
}

/** Tokens for a plain argv: each word placed one after the other, separated by one space. */
export function tokensFromWords(words: readonly string[]): ArgToken[] {
  const tokens: ArgToken[] = [];
  let offset = 0;
  for (const text of words) {
    tokens.push({ text, start: offset, end: offset + text.length });
    offset += text.length + 1;
  }
  return tokens;
}
