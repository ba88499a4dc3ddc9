import { DecodedBuilder, type DecodedText } from '../text/decoded-text.js';

/**
 * POSIX shell tokenising of a `sh -c` script, enough to find a dnsmasq command and its words:
 * quotes ('...', "...", \x), comments, control operators and redirections. Expansions (`$x`,
 * `$(...)`, backquotes) and template tags (`{{ x | join(' ') }}`) stay inside their word as written.
 * Offsets are indexes into the script.
 */
export type ShellToken =
  | { readonly kind: 'word'; readonly word: DecodedText; readonly start: number; readonly end: number; readonly quoted: boolean }
  | { readonly kind: 'operator' | 'redirect'; readonly text: string; readonly start: number; readonly end: number };

const OPERATORS = ['&&', '||', ';;', ';', '&', '|', '(', ')', '\n'];
const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\r';
const isOperatorChar = (c: string | undefined): boolean => c !== undefined && ';&|()\n<>'.includes(c);

/** A template tag starts here (`{{`, `{%`, `<%`): a deploy tool fills it in before any shell splits the script. */
const isTemplateOpener = (script: string, i: number): boolean =>
  (script[i] === '{' && (script[i + 1] === '{' || script[i + 1] === '%')) || (script[i] === '<' && script[i + 1] === '%');

/** The index after the template tag opened at `i` (or the script's end when it is not closed). */
function templateEnd(script: string, i: number): number {
  const close = script[i] === '<' ? '%>' : script[i + 1] === '{' ? '}}' : '%}';
  const at = script.indexOf(close, i + 2);
  return at < 0 ? script.length : at + 2;
}

/** Reads `$(...)`, `${...}` or a backquoted part verbatim; returns the index after it. */
function skipExpansion(script: string, i: number): number {
  if (script[i] === '`') {
    const close = script.indexOf('`', i + 1);
    return close < 0 ? script.length : close + 1;
  }
  const open = script[i + 1]!;
  const closeChar = open === '(' ? ')' : '}';
  let depth = 0;
  for (let j = i + 1; j < script.length; j++) {
    if (script[j] === open) depth++;
    else if (script[j] === closeChar && --depth === 0) return j + 1;
  }
  return script.length;
}

function readDoubleQuoted(script: string, i: number, out: DecodedBuilder): number {
  i++;
  while (i < script.length && script[i] !== '"') {
    const c = script[i]!;
    if (c === '\\' && '$`"\\\n'.includes(script[i + 1] ?? '')) {
      if (script[i + 1] !== '\n') out.push(script[i + 1]!, i + 1);
      i += 2;
    } else if (c === '$' && (script[i + 1] === '(' || script[i + 1] === '{')) {
      const end = skipExpansion(script, i);
      out.copy(script, i, end);
      i = end;
    } else if (isTemplateOpener(script, i)) {
      const end = templateEnd(script, i);
      out.copy(script, i, end);
      i = end;
    } else {
      out.push(c, i);
      i++;
    }
  }
  return i + 1;
}

/** Reads one word starting at `i`; returns it and the index after it. */
function readWord(script: string, i: number): { word: DecodedText; end: number; quoted: boolean } {
  const out = new DecodedBuilder();
  let quoted = false;
  while (i < script.length && ((!isSpace(script[i]) && !isOperatorChar(script[i])) || isTemplateOpener(script, i))) {
    const c = script[i]!;
    if (isTemplateOpener(script, i)) {
      const end = templateEnd(script, i);
      out.copy(script, i, end);
      i = end;
    } else if (c === "'") {
      quoted = true;
      const close = script.indexOf("'", i + 1);
      const end = close < 0 ? script.length : close;
      out.copy(script, i + 1, end);
      i = end + 1;
    } else if (c === '"') {
      quoted = true;
      i = readDoubleQuoted(script, i, out);
    } else if (c === '\\') {
      if (script[i + 1] !== undefined && script[i + 1] !== '\n') out.push(script[i + 1]!, i + 1);
      i += 2;
    } else if ((c === '$' && (script[i + 1] === '(' || script[i + 1] === '{')) || c === '`') {
      const end = skipExpansion(script, i);
      out.copy(script, i, end);
      i = end;
    } else {
      out.push(c, i);
      i++;
    }
  }
  const end = Math.min(i, script.length);
  return { word: out.finish(end), end, quoted };
}

function readRedirect(script: string, i: number): number {
  let j = i;
  while (script[j] === '<' || script[j] === '>') j++;
  if (script[j] === '&' || script[j] === '|') j++;
  return j;
}

export function shellTokens(script: string): ShellToken[] {
  const tokens: ShellToken[] = [];
  let i = 0;
  while (i < script.length) {
    const c = script[i]!;
    if (isSpace(c) || (c === '\\' && script[i + 1] === '\n')) {
      i += isSpace(c) ? 1 : 2;
    } else if (c === '#') {
      while (i < script.length && script[i] !== '\n') i++;
    } else if ((c === '<' || c === '>') && !isTemplateOpener(script, i)) {
      const end = readRedirect(script, i);
      tokens.push({ kind: 'redirect', text: script.slice(i, end), start: i, end });
      i = end;
    } else if (isOperatorChar(c) && !isTemplateOpener(script, i)) {
      const op = OPERATORS.find((o) => script.startsWith(o, i)) ?? c;
      tokens.push({ kind: 'operator', text: op, start: i, end: i + op.length });
      i += op.length;
    } else {
      const { word, end, quoted } = readWord(script, i);
      const fdRedirect = !quoted && /^\d+$/.test(word.value) && (script[end] === '<' || script[end] === '>');
      if (fdRedirect) {
        const redirectEnd = readRedirect(script, end);
        tokens.push({ kind: 'redirect', text: script.slice(i, redirectEnd), start: i, end: redirectEnd });
        i = redirectEnd;
      } else {
        tokens.push({ kind: 'word', word, start: i, end, quoted });
        i = end;
      }
    }
  }
  return tokens;
}

/** Quotes a word for the shell only when it needs it. */
export function shellQuote(word: string): string {
  // `#` only starts a comment at the beginning of a word.
  if (/^[A-Za-z0-9_@%+=:,./-][A-Za-z0-9_@%+=:,./#-]*$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
