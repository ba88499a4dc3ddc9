import type { Scalar } from 'yaml';
import { decodeBlockScalar } from './block-scalar-decode.js';
import type { DecodedText } from '../text/decoded-text.js';
import { decodeDoubleQuoted, decodePlain, decodeSingleQuoted } from './flow-scalar-decode.js';

export type ScalarStyle = NonNullable<Scalar['type']>;

/**
 * Decodes the scalar whose source is `text.slice(start, end)` in the given style. It is run on the
 * ORIGINAL text even when `yaml` parsed a template-masked copy, so the value holds the placeholders.
 */
export function decodeScalar(text: string, start: number, end: number, style: ScalarStyle): DecodedText {
  switch (style) {
    case 'QUOTE_DOUBLE':
      return decodeDoubleQuoted(text, start, end);
    case 'QUOTE_SINGLE':
      return decodeSingleQuoted(text, start, end);
    case 'BLOCK_LITERAL':
    case 'BLOCK_FOLDED':
      return decodeBlockScalar(text, start, end);
    default:
      return decodePlain(text, start, end);
  }
}
