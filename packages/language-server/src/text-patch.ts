import { commonPrefixLength, commonSuffixLength } from '@kube-dns-tools/core/text';

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

/** The smallest single replacement that turns `previous` into `next` (UTF-16 units, as LSP offsets are). */
export function diffText(previous: string, next: string): TextPatch {
  const shorter = Math.min(previous.length, next.length);
  const prefix = commonPrefixLength(previous, next, shorter);
  const suffix = commonSuffixLength(previous, next, shorter - prefix);
  return { start: prefix, end: previous.length - suffix, text: next.slice(prefix, next.length - suffix) };
}

export function applyPatch(previous: string, patch: TextPatch): string {
  return previous.slice(0, patch.start) + patch.text + previous.slice(patch.end);
}
