/** Line arithmetic on raw text, CRLF-aware. */

export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset of the line break ending the line that holds `offset` (before `\r\n`), or the text's end. */
export function lineEndOf(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  if (nl < 0) return text.length;
  return nl > 0 && text[nl - 1] === '\r' ? nl - 1 : nl;
}

/** Offset just after the line break ending the line that holds `offset`. */
export function nextLineStart(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl + 1;
}

/** The line break used at the end of the line holding `offset`, else the file's first, else `\n`. */
export function lineBreakAt(text: string, offset: number): string {
  const end = lineEndOf(text, offset);
  if (text.startsWith('\r\n', end)) return '\r\n';
  if (text[end] === '\n') return '\n';
  const first = text.indexOf('\n');
  return first > 0 && text[first - 1] === '\r' ? '\r\n' : '\n';
}

/** The end of a value's last line: block scalars and multi-line plain scalars may end after a line break. */
export function contentEnd(text: string, end: number): number {
  let e = end;
  while (e > 0 && (text[e - 1] === '\n' || text[e - 1] === '\r')) e--;
  return e;
}
