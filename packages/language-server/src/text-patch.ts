/**
 * One edit that turns a document's previous text into its next: the worker keeps the text it was sent last, so
 * an edit of a large document travels as a few characters. A whole text of over ~128 KB costs about a
 * millisecond per hop (fresh memory mappings on both sides, page faults), more than linting what the edit touched.
 */
export interface TextPatch {
  /** Offsets in the previous text: the characters from `start` to `end` are replaced by `text`. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Characters compared per step while the texts agree (one native comparison of two slices). */
const CHUNK = 1024;

function commonPrefix(a: string, b: string, max: number): number {
  let i = 0;
  while (i + CHUNK <= max && a.slice(i, i + CHUNK) === b.slice(i, i + CHUNK)) i += CHUNK;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

function commonSuffix(a: string, b: string, max: number): number {
  let n = 0;
  while (n + CHUNK <= max && a.slice(a.length - n - CHUNK, a.length - n) === b.slice(b.length - n - CHUNK, b.length - n)) n += CHUNK;
  while (n < max && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}

/** The smallest single replacement that turns `previous` into `next` (UTF-16 units, as LSP offsets are). */
export function diffText(previous: string, next: string): TextPatch {
  const shorter = Math.min(previous.length, next.length);
  const prefix = commonPrefix(previous, next, shorter);
  const suffix = commonSuffix(previous, next, shorter - prefix);
  return { start: prefix, end: previous.length - suffix, text: next.slice(prefix, next.length - suffix) };
}

export function applyPatch(previous: string, patch: TextPatch): string {
  return previous.slice(0, patch.start) + patch.text + previous.slice(patch.end);
}
