/** The longest piece of the user's text a message quotes whole; longer words are cut so messages stay small. */
export const MAX_QUOTED_CHARS = 80;

/**
 * `word` as a message quotes it: whole when short, else its start, an ellipsis and its length, so a
 * 20 KB line never makes every finding on it 20 KB long.
 */
export function quotedExcerpt(word: string, max = MAX_QUOTED_CHARS): string {
  if (word.length <= max) return word;
  let cut = max - 20;
  // Never split a UTF-16 surrogate pair.
  if (/[\uD800-\uDBFF]/.test(word[cut - 1] ?? '')) cut--;
  return `${word.slice(0, cut)}… (${word.length} characters)`;
}
