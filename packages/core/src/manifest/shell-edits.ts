import type { TextEdit } from '../lint/finding.js';
import type { ListWord } from './container-words.js';
import type { DecodedText } from './decoded-text.js';
import { encodeInside } from './scalar-encode.js';
import { shellQuote } from './shell-words.js';

/**
 * Edits of words inside a `sh -c` script: shell-quoted first, then escaped for the YAML scalar
 * that holds the script. `decoded` offsets are already source offsets.
 */

function scriptText(words: readonly string[], script: ListWord): string {
  return encodeInside(words.map(shellQuote).join(' '), script.style);
}

export function appendInScript(script: ListWord, after: DecodedText, words: readonly string[]): TextEdit {
  const at = after.offsets[after.offsets.length - 1]!;
  return { start: at, end: at, newText: ' ' + scriptText(words, script) };
}

/** Source range of the script characters `[scriptStart, scriptEnd)`. */
function scriptSpan(script: ListWord, scriptStart: number, scriptEnd: number): { start: number; end: number } {
  const { offsets } = script.decoded;
  const at = (i: number): number => offsets[Math.min(i, offsets.length - 1)]!;
  return { start: at(scriptStart), end: at(scriptEnd) };
}

export function replaceInScript(script: ListWord, scriptStart: number, scriptEnd: number, newWord: string): TextEdit {
  return { ...scriptSpan(script, scriptStart, scriptEnd), newText: scriptText([newWord], script) };
}

export function removeFromScript(text: string, script: ListWord, scriptStart: number, scriptEnd: number): TextEdit {
  const span = scriptSpan(script, scriptStart, scriptEnd);
  let start = span.start;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  return { start, end: span.end, newText: '' };
}
