import type { TextEdit } from '../text/text-edit.js';
import type { ListWord } from './container-words.js';
import { canBePlain, doubleQuoted, encodeInside } from './scalar-encode.js';
import { shellQuote } from './shell-words.js';

/**
 * Edits of words inside a `sh -c` script. Positions are indexes into the decoded script. New words
 * are shell-quoted, then escaped for the YAML scalar holding the script; when that scalar's style
 * cannot hold the result (a plain scalar that would end in `:` or grow a ` #`, a line break in a
 * block or single-quoted scalar), the whole scalar is rewritten double-quoted.
 */
function scriptEdit(script: ListWord, from: number, to: number, insert: string): TextEdit {
  const { value, offsets } = script.decoded;
  const newValue = value.slice(0, from) + insert + value.slice(to);
  const { style } = script;
  const fits =
    style === 'PLAIN' ? canBePlain(newValue, script.list.flow) : style === 'QUOTE_DOUBLE' || !insert.includes('\n');
  if (!fits) return { start: script.start, end: script.end, newText: doubleQuoted(newValue) };
  const at = (i: number): number => offsets[Math.min(i, offsets.length - 1)]!;
  // In a block scalar the end of the value can be the start of the next YAML line (`|-`, `>-`): an insertion
  // after a word goes right after that word's last character instead.
  const block = style === 'BLOCK_FOLDED' || style === 'BLOCK_LITERAL';
  const afterWord = block && from === to && from > 0 && !/\s/.test(value[from - 1]!);
  const start = afterWord ? at(from - 1) + 1 : at(from);
  return { start, end: afterWord ? start : at(to), newText: encodeInside(insert, style) };
}

const quoted = (words: readonly string[]): string => words.map(shellQuote).join(' ');

export function appendInScript(script: ListWord, after: number, words: readonly string[]): TextEdit {
  return scriptEdit(script, after, after, ' ' + quoted(words));
}

export function replaceInScript(script: ListWord, from: number, to: number, newWord: string): TextEdit {
  return scriptEdit(script, from, to, quoted([newWord]));
}

/** Removes the word and the blanks before it. */
export function removeFromScript(script: ListWord, from: number, to: number): TextEdit {
  const { value } = script.decoded;
  let start = from;
  while (start > 0 && (value[start - 1] === ' ' || value[start - 1] === '\t')) start--;
  return scriptEdit(script, start, to, '');
}
