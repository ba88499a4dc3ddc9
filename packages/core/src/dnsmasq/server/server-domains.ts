import type { DomainPattern, ServerGrammarError } from './server-spec.js';
import { idnToAscii } from './server-idn.js';
import { pieceRange, type ValuePiece } from './server-split.js';

/** dnsmasq's longest presentation name, in bytes. */
const MAX_NAME_BYTES = 1025;
const MAX_LABEL_BYTES = 63;

function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** One domain between slashes, checked and converted as dnsmasq does (its `check_name` + IDN). */
export function parseDomain(piece: ValuePiece): DomainPattern | ServerGrammarError {
  const text = piece.text;
  const range = pieceRange(piece);
  if (text === '') return { text, name: '', kind: 'unqualified', range };
  if (text === '#') return { text, name: '', kind: 'all', range };
  const bad = (explanation: string): ServerGrammarError => ({ reason: 'try --help', explanation, range });
  if (utf8Length(text) > MAX_NAME_BYTES) {
    return bad(`The domain is ${utf8Length(text)} bytes long; dnsmasq takes at most ${MAX_NAME_BYTES}.`);
  }
  const body = text.endsWith('.') ? text.slice(0, -1) : text;
  const longLabel = body.split('.').find((label) => utf8Length(label) > MAX_LABEL_BYTES);
  if (longLabel !== undefined) {
    return bad(`The label '${longLabel.slice(0, 20)}...' is ${utf8Length(longLabel)} bytes long; a DNS label holds at most 63.`);
  }
  if (/[\x00-\x1f\x7f]/.test(body)) return bad('The domain contains a control character.');
  const hasVisibleAscii = text.endsWith('.') || /[\x21-\x2d\x2f-\x7e]/.test(body);
  if (!hasVisibleAscii) {
    return bad('dnsmasq refuses a domain without at least one visible ASCII character other than a dot.');
  }
  let canonical = body;
  if (/[A-Z]|[^\x00-\x7f]/.test(body)) {
    const converted = idnToAscii(body);
    if (converted === undefined) {
      return bad(`'${text}' is not a valid internationalised domain name (IDNA), so dnsmasq cannot convert it.`);
    }
    canonical = converted;
  }
  if (canonical.startsWith('*')) {
    const rest = canonical.slice(1);
    return { text, name: rest, kind: rest === '' ? 'all' : 'wildcard', range };
  }
  const name = canonical.replace(/^\.+/, '');
  return { text, name, kind: name === '' ? 'all' : 'suffix', range };
}
