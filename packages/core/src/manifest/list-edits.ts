import type { TextEdit } from '../text/text-edit.js';
import type { ListWord, WordList } from './container-words.js';
import type { ScalarStyle } from './scalar-decode.js';
import { encodeScalar } from './scalar-encode.js';
import { contentEnd, lineBreakAt, lineEndOf, lineStartOf, nextLineStart } from './text-lines.js';

/** Text edits on a `command:`/`args:` sequence that keep its flow/block style, indentation and quoting. */

/** The quoting most items of the list use (the anchor's style on a tie). */
export function siblingStyle(list: WordList, anchor: ListWord): ScalarStyle {
  const counts = list.styleCounts;
  let best = anchor.style;
  for (const [style, n] of counts) if (n > (counts.get(best) ?? 0)) best = style;
  return best === 'BLOCK_FOLDED' || best === 'BLOCK_LITERAL' ? 'QUOTE_DOUBLE' : best;
}

/** What separates two flow items here (`, `, `,\n    `), if it is nothing but a comma and spacing. */
function flowSeparator(text: string, list: WordList, index: number): string {
  const prev = list.itemRange(index - 1);
  const cur = list.itemRange(index);
  if (prev && cur) {
    const between = text.slice(prev.end, cur.start);
    if (/^\s*,\s*$/.test(between)) return between;
  }
  return ', ';
}

/** Adds `words` as new items right after `anchor`. */
export function insertAfterItem(text: string, anchor: ListWord, words: readonly string[], style: ScalarStyle): TextEdit {
  const { list } = anchor;
  if (list.flow) {
    const commented = afterCommentedFlowItem(text, anchor, words, style);
    if (commented) return commented;
    const sep = flowSeparator(text, list, anchor.index);
    const newText = words.map((w) => sep + encodeScalar(w, style, true)).join('');
    return { start: anchor.end, end: anchor.end, newText };
  }
  const itemLineStart = lineStartOf(text, anchor.start);
  const prefix = text.slice(itemLineStart, anchor.start);
  const indent = /^[ \t]*-[ \t]+$/.test(prefix) ? prefix : `${prefix.match(/^[ \t]*/)?.[0] ?? ''}- `;
  const at = lineEndOf(text, contentEnd(text, anchor.end));
  const eol = lineBreakAt(text, at);
  const newText = words.map((w) => eol + indent + encodeScalar(w, style, false)).join('');
  return { start: at, end: at, newText };
}

/**
 * A flow item written on its own line with a comment after it (`"--no-resolv",  # upstream only`): new items go on
 * lines of their own below, so the comment stays with the item it is about. The item's trailing comma, or its
 * absence before `]`, carries over to the last new item.
 */
function afterCommentedFlowItem(text: string, anchor: ListWord, words: readonly string[], style: ScalarStyle): TextEdit | undefined {
  const lineStart = lineStartOf(text, anchor.start);
  const indent = text.slice(lineStart, anchor.start);
  const end = lineEndOf(text, anchor.end);
  const rest = /^([ \t]*,)?([ \t]*#.*)$/.exec(text.slice(anchor.end, end));
  if (!rest || !/^[ \t]*$/.test(indent)) return undefined;
  const eol = lineBreakAt(text, end);
  const lines = words.map((w) => eol + indent + encodeScalar(w, style, true));
  if (rest[1] !== undefined) return { start: end, end, newText: lines.map((l) => `${l},`).join('') };
  return { start: anchor.end, end, newText: `,${rest[2]}${lines.map((l, i) => (i < lines.length - 1 ? `${l},` : l)).join('')}` };
}

export function replaceItem(item: ListWord, newWord: string): TextEdit {
  return { start: item.start, end: item.end, newText: encodeScalar(newWord, item.style, item.list.flow) };
}

/** Removes an item together with its `- ` line (block) or one neighbouring comma (flow). */
export function removeItem(text: string, item: ListWord): TextEdit {
  const { list, index } = item;
  if (list.flow) {
    const next = list.itemRange(index + 1);
    const prev = list.itemRange(index - 1);
    if (next) {
      // Up to the next item, unless a comment sits in between: then only the item and its comma go.
      const between = text.slice(item.end, next.start);
      const end = between.includes('#') ? item.end + (/^[ \t]*,?[ \t]*/.exec(between)?.[0].length ?? 0) : next.start;
      return { start: item.start, end, newText: '' };
    }
    if (prev) return { start: prev.end, end: item.end, newText: '' };
    return { start: item.start, end: item.end, newText: '' };
  }
  const start = lineStartOf(text, item.start);
  if (!/^[ \t]*-[ \t]+$/.test(text.slice(start, item.start))) return { start: item.start, end: item.end, newText: '""' };
  return { start, end: nextLineStart(text, contentEnd(text, item.end)), newText: '' };
}
