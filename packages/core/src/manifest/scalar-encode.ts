import type { ScalarStyle } from './scalar-decode.js';

/** Writes a string as a YAML scalar in the style of its neighbours, falling back to double quotes when that style cannot hold it. */

/** Values YAML 1.1 or 1.2 would read as something other than a string. */
const NOT_A_STRING = /^(?:~|null|true|false|yes|no|on|off|y|n|[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?|0x[0-9a-f_]+|0o?[0-7_]+|[-+]?\.(?:inf)|\.nan)$/i;

export function canBePlain(word: string, flow: boolean): boolean {
  if (word === '' || word !== word.trim() || /[\n\r\t]/.test(word)) return false;
  if (NOT_A_STRING.test(word)) return false;
  if (/^[?:-](\s|$)/.test(word) || /^[,[\]{}#&*!|>'"%@`]/.test(word)) return false;
  if (word.includes(': ') || word.includes(' #') || word.endsWith(':')) return false;
  if (flow && /[,[\]{}]/.test(word)) return false;
  return true;
}

export function doubleQuoted(word: string): string {
  // JSON string syntax is valid YAML double-quoted syntax, and keeps JSON files JSON.
  return JSON.stringify(word);
}

export function encodeScalar(word: string, style: ScalarStyle, flow: boolean): string {
  switch (style) {
    case 'PLAIN':
      return canBePlain(word, flow) ? word : doubleQuoted(word);
    case 'QUOTE_SINGLE':
      return /[\n\r\t]/.test(word) ? doubleQuoted(word) : `'${word.replace(/'/g, "''")}'`;
    default:
      return doubleQuoted(word);
  }
}

/**
 * Text to put INSIDE an existing scalar of the given style (for words added to a `sh -c` script):
 * escapes what that style needs escaped. Block and plain scalars take the text as it is.
 */
export function encodeInside(text: string, style: ScalarStyle): string {
  switch (style) {
    case 'QUOTE_DOUBLE':
      return JSON.stringify(text).slice(1, -1);
    case 'QUOTE_SINGLE':
      return text.replace(/'/g, "''");
    default:
      return text;
  }
}
