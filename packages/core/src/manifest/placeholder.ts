import { holdsPlaceholder } from '../text/placeholders.js';

/** An opener whose closer may lie beyond the text the lint engine was given (a cut conf line or argv word). */
const UNCLOSED_OPENER = /\{\{|\{%|<%|\$\{/;

/**
 * Template syntax in text lint reads itself (conf-file lines, bare argv words, ConfigMap values): the manifest
 * reader's placeholders, or an opener left unclosed.
 */
export function hasPlaceholder(text: string): boolean {
  return holdsPlaceholder(text, false) || UNCLOSED_OPENER.test(text);
}
