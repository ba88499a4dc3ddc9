/**
 * IP address literals as glibc reads them: `inet_pton` (strict dotted quad, RFC 4291 IPv6) and the
 * legacy `inet_aton` forms that `getaddrinfo` also takes for IPv4 (`127.1`, `0x7f000001`, `0177.0.0.1`).
 * Results are normalised the way `inet_ntop` prints them.
 */

export interface IpLiteral {
  readonly family: 4 | 6;
  /** Normalised text: dotted quad, or compressed IPv6 (RFC 5952 as glibc's inet_ntop writes it). */
  readonly address: string;
  /** 4 bytes or 16 bytes. */
  readonly bytes: readonly number[];
}

/** `inet_pton(AF_INET)`: exactly four decimal parts 0..255, no leading zeros. */
export function parseIPv4Strict(text: string): IpLiteral | undefined {
  if (!/^(0|[1-9][0-9]{0,2})(\.(0|[1-9][0-9]{0,2})){3}$/.test(text)) return undefined;
  const bytes = text.split('.').map(Number);
  if (bytes.some((b) => b > 255)) return undefined;
  return ipv4FromBytes(bytes);
}

/** One `inet_aton` part: `0x` hex, `0` octal or decimal; undefined when malformed or huge. */
function atonPart(part: string): number | undefined {
  let digits: string;
  let radix: number;
  if (/^0[xX]/.test(part)) [digits, radix] = [part.slice(2), 16];
  else if (part.length > 1 && part.startsWith('0')) [digits, radix] = [part.slice(1), 8];
  else [digits, radix] = [part, 10];
  const valid = radix === 16 ? /^[0-9a-fA-F]+$/ : radix === 8 ? /^[0-7]+$/ : /^[0-9]+$/;
  if (!valid.test(digits) || digits.replace(/^0+/, '').length > 12) return undefined;
  return parseInt(digits, radix);
}

/** glibc's exact `inet_aton`: 1 to 4 parts, the last one filling the remaining bytes. */
export function parseIPv4Legacy(text: string): IpLiteral | undefined {
  const parts = text.split('.');
  if (parts.length > 4) return undefined;
  const values: number[] = [];
  for (const part of parts) {
    const v = atonPart(part);
    if (v === undefined) return undefined;
    values.push(v);
  }
  const last = values.pop() as number;
  if (values.some((v) => v > 255)) return undefined;
  const restBytes = 4 - values.length;
  if (last >= 2 ** (8 * restBytes)) return undefined;
  const tail = [24, 16, 8, 0].slice(4 - restBytes).map((shift) => Math.floor(last / 2 ** shift) % 256);
  return ipv4FromBytes([...values, ...tail]);
}

/** An IPv4 literal as the server option's host: strict form first, then getaddrinfo's legacy forms. */
export function parseIPv4Any(text: string): IpLiteral | undefined {
  return parseIPv4Strict(text) ?? parseIPv4Legacy(text);
}

function ipv4FromBytes(bytes: number[]): IpLiteral {
  return { family: 4, address: bytes.join('.'), bytes };
}

/** `inet_pton(AF_INET6)`: hex groups of 1-4 digits, one `::` at most, optional dotted-quad tail. */
export function parseIPv6(text: string): IpLiteral | undefined {
  if (text.length > 45 || !/^[0-9a-fA-F:.]+$/.test(text)) return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const [left = '', right] = halves;
  const head = left === '' ? [] : left.split(':');
  const tail = right === undefined || right === '' ? [] : right.split(':');
  const groups: number[] = [];
  const readGroups = (list: string[], isLast: boolean): number[] | undefined => {
    const out: number[] = [];
    for (const [i, g] of list.entries()) {
      if (isLast && i === list.length - 1 && g.includes('.')) {
        const v4 = parseIPv4Strict(g);
        if (!v4) return undefined;
        const [a = 0, b = 0, c = 0, d = 0] = v4.bytes;
        out.push(a * 256 + b, c * 256 + d);
      } else if (/^[0-9a-fA-F]{1,4}$/.test(g)) out.push(parseInt(g, 16));
      else return undefined;
    }
    return out;
  };
  const compressed = halves.length === 2;
  const first = readGroups(head, !compressed);
  const second = readGroups(tail, true);
  if (!first || !second) return undefined;
  const missing = 8 - first.length - second.length;
  if (compressed ? missing < 1 : missing !== 0) return undefined;
  groups.push(...first, ...new Array<number>(missing).fill(0), ...second);
  const bytes = groups.flatMap((g) => [g >> 8, g & 0xff]);
  return { family: 6, address: formatIPv6(groups), bytes };
}

/** `inet_ntop(AF_INET6)`: longest run (2+) of zero groups as `::`, IPv4-mapped/compatible tails dotted. */
function formatIPv6(groups: readonly number[]): string {
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) [bestStart, bestLen] = [i, j - i];
    i = j;
  }
  if (bestLen < 2) bestStart = -1;
  const dottedTail =
    bestStart === 0 && (bestLen === 6 || (bestLen === 5 && groups[5] === 0xffff));
  const words = groups.map((g) => g.toString(16));
  if (dottedTail) {
    const [g6 = 0, g7 = 0] = groups.slice(6);
    const quad = [g6 >> 8, g6 & 0xff, g7 >> 8, g7 & 0xff].join('.');
    return bestLen === 6 ? `::${quad}` : `::ffff:${quad}`;
  }
  if (bestStart < 0) return words.join(':');
  const left = words.slice(0, bestStart).join(':');
  const right = words.slice(bestStart + bestLen).join(':');
  return `${left}::${right}`;
}

/** Either family, strict (`inet_pton` for IPv4 then IPv6), as dnsmasq checks source and listen addresses. */
export function parseIpStrict(text: string): IpLiteral | undefined {
  return parseIPv4Strict(text) ?? parseIPv6(text);
}
