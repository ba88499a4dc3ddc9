import { DecodedBuilder, type DecodedText } from '../text/decoded-text.js';

/** Plain, single- and double-quoted YAML scalars: the value and where each character came from. */

const SIMPLE_ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b',
  ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029',
};
const HEX_ESCAPES: Record<string, number> = { x: 2, u: 4, U: 8 };

const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t';
const isBreak = (c: string | undefined): boolean => c === '\n' || c === '\r';

/** Skips one line break (`\n`, `\r\n` or `\r`) at `i`. */
function skipBreak(text: string, i: number): number {
  if (text[i] === '\r' && text[i + 1] === '\n') return i + 2;
  return i + 1;
}

/**
 * Folds a line break inside a flow scalar starting at `i` (on the break): one break becomes a space,
 * a break followed by empty lines becomes one `\n` per empty line. Returns the index after the
 * leading whitespace of the next non-empty line.
 */
function foldBreak(text: string, i: number, end: number, out: DecodedBuilder): number {
  const breakAt = i;
  i = skipBreak(text, i);
  let emptyLines = 0;
  for (;;) {
    let j = i;
    while (j < end && isBlank(text[j])) j++;
    if (j < end && isBreak(text[j])) {
      out.push('\n', j);
      emptyLines++;
      i = skipBreak(text, j);
      continue;
    }
    if (emptyLines === 0) out.push(' ', breakAt);
    return j;
  }
}

/** Removes trailing blanks already pushed (they precede a line break and are folded away). */
function trimTrailingBlanks(text: string, from: number, i: number): number {
  let j = i;
  while (j > from && isBlank(text[j - 1])) j--;
  return j;
}

export function decodePlain(text: string, start: number, end: number): DecodedText {
  const out = new DecodedBuilder();
  let i = start;
  let lineStart = i;
  while (i < end) {
    const c = text[i]!;
    if (isBreak(c)) {
      out.copy(text, lineStart, trimTrailingBlanks(text, lineStart, i));
      i = foldBreak(text, i, end, out);
      lineStart = i;
      continue;
    }
    i++;
  }
  out.copy(text, lineStart, end);
  return out.finish(end);
}

export function decodeSingleQuoted(text: string, start: number, end: number): DecodedText {
  const out = new DecodedBuilder();
  const close = text[end - 1] === "'" && end - 1 > start ? end - 1 : end;
  let i = start + 1;
  let runStart = i;
  while (i < close) {
    const c = text[i]!;
    if (c === "'" && text[i + 1] === "'") {
      out.copy(text, runStart, i);
      out.push("'", i);
      i += 2;
      runStart = i;
    } else if (isBreak(c)) {
      out.copy(text, runStart, trimTrailingBlanks(text, runStart, i));
      i = foldBreak(text, i, close, out);
      runStart = i;
    } else {
      i++;
    }
  }
  out.copy(text, runStart, close);
  return out.finish(close);
}

function decodeEscape(text: string, i: number, out: DecodedBuilder): number {
  const e = text[i + 1];
  if (e === undefined) return i + 1;
  const simple = SIMPLE_ESCAPES[e];
  if (simple !== undefined) {
    out.push(simple, i);
    return i + 2;
  }
  const width = HEX_ESCAPES[e];
  if (width !== undefined) {
    const hex = text.slice(i + 2, i + 2 + width);
    const code = /^[0-9a-fA-F]+$/.test(hex) && hex.length === width ? parseInt(hex, 16) : NaN;
    if (!Number.isNaN(code) && code <= 0x10ffff) {
      const chars = String.fromCodePoint(code);
      for (const ch of chars) out.push(ch, i);
      return i + 2 + width;
    }
  }
  out.push(e, i);
  return i + 2;
}

export function decodeDoubleQuoted(text: string, start: number, end: number): DecodedText {
  const out = new DecodedBuilder();
  const close = text[end - 1] === '"' && end - 1 > start ? end - 1 : end;
  let i = start + 1;
  let runStart = i;
  while (i < close) {
    const c = text[i]!;
    if (c === '\\' && isBreak(text[i + 1])) {
      out.copy(text, runStart, i);
      i = skipBreak(text, i + 1);
      while (i < close && (isBlank(text[i]) || isBreak(text[i]))) i = isBreak(text[i]) ? skipBreak(text, i) : i + 1;
      runStart = i;
    } else if (c === '\\') {
      out.copy(text, runStart, i);
      i = decodeEscape(text, i, out);
      runStart = i;
    } else if (isBreak(c)) {
      out.copy(text, runStart, trimTrailingBlanks(text, runStart, i));
      i = foldBreak(text, i, close, out);
      runStart = i;
    } else {
      i++;
    }
  }
  out.copy(text, runStart, close);
  return out.finish(close);
}
