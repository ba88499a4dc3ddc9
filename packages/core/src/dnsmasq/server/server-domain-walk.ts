import type { ServerGrammarError } from './server-spec.js';
import { splitFirst, type ValuePiece } from './server-split.js';

export interface DomainWalk {
  /** The domains in the order dnsmasq reads them, each as the text it sees there. */
  readonly pieces: ValuePiece[];
  /** What follows the last `/`: the target. */
  readonly target: ValuePiece;
}

/**
 * Reads `/d1/d2/.../target` (the value starts with `/`) as dnsmasq 2.90 does. It first cuts the text at
 * every `/` (dropping blanks before each cut, skipping blanks after it), then steps from one domain to
 * the next by the length of the text it finds there. Edits made while reading a domain shift those
 * steps, with effects users can meet:
 * - a trailing dot on a domain other than the last (`/a./b/`) adds an unqualified-names domain; so do
 *   blanks before a `/` (`/a /b/`) and a `#` domain followed by another one (`/#/b/`);
 * - a blank after a `/` other than the first keeps the blank in that domain (`/a/ b/c/`: ` b`), and on
 *   the last domain dnsmasq misses the end of the list and reads past the value: we report it.
 * Without a second `/` the only domain is the target's host text (`/example.com`: server and domain).
 */
export function walkDomainList(value: ValuePiece, targetIsServer: boolean): DomainWalk | ServerGrammarError {
  const text = value.text;
  let rest: ValuePiece = { text: text.slice(1), start: value.start + 1 };
  const ends = new Set<number>();
  let last = rest.start;
  let splits = 0;
  for (let split = splitFirst(rest, '/'); split; split = splitFirst(rest, '/'), splits++) {
    for (let i = split.head.start + split.head.text.length; i <= split.at; i++) ends.add(i - value.start);
    last = split.head.start;
    rest = split.tail;
  }
  if (splits === 0) return { pieces: [hostText(rest, targetIsServer)], target: rest };

  const pieces: ValuePiece[] = [];
  const limit = rest.start - value.start;
  let at = 1;
  for (;;) {
    let end = at;
    while (end < limit && !ends.has(end)) end++;
    const piece = { text: text.slice(at, end), start: value.start + at };
    pieces.push(piece);
    if (piece.text === '#') ends.add(at);
    else if (/^\.*[^.].*\.$/s.test(piece.text)) ends.add(end - 1);
    if (piece.start === last) return { pieces, target: rest };
    while (!ends.has(at) && at < limit) at++;
    at++;
    if (at >= limit) {
      const blanks = countBlanksBefore(text, last - value.start);
      return {
        reason: 'try --help',
        explanation: "A blank right after the '/' before the last domain makes dnsmasq 2.90 lose its place in the domain list and read past the value; remove the blank.",
        range: { start: last - blanks, end: last },
      };
    }
  }
}

function countBlanksBefore(text: string, index: number): number {
  let n = 0;
  while (index - n - 1 >= 0 && text[index - n - 1] === ' ') n++;
  return n;
}

/** The part of a server target dnsmasq's reading leaves in place before its first `@`, `#` or `%`. */
function hostText(target: ValuePiece, targetIsServer: boolean): ValuePiece {
  if (!targetIsServer || target.text === '#') return target;
  const cut = target.text.search(/[@#%]/);
  if (cut < 0) return target;
  return { text: target.text.slice(0, cut).replace(/ +$/, ''), start: target.start };
}
