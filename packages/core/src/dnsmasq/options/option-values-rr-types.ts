import { refuse, type ValueCheck } from './option-values-verdict.js';
import { isDigits } from '../numbers.js';
import { pieceRange, splitFirst, wholeValue, type ValuePiece } from '../server/server-split.js';

/**
 * The record type names dnsmasq 2.90 knows (each checked against the real binary with `--cache-rr`),
 * with their numbers. Matching is case-insensitive; `TYPEnnn` is not accepted, plain numbers are.
 */
const RR_TYPE_NUMBERS: ReadonlyMap<string, number> = new Map(
  Object.entries({
    A: 1, NS: 2, MD: 3, MF: 4, CNAME: 5, SOA: 6, MB: 7, MG: 8, MR: 9, NULL: 10, WKS: 11, PTR: 12,
    HINFO: 13, MINFO: 14, MX: 15, TXT: 16, RP: 17, AFSDB: 18, X25: 19, ISDN: 20, RT: 21, NSAP: 22,
    NSAP_PTR: 23, SIG: 24, KEY: 25, PX: 26, GPOS: 27, AAAA: 28, LOC: 29, NXT: 30, EID: 31, NIMLOC: 32,
    SRV: 33, ATMA: 34, NAPTR: 35, KX: 36, CERT: 37, A6: 38, DNAME: 39, SINK: 40, OPT: 41, APL: 42,
    DS: 43, SSHFP: 44, IPSECKEY: 45, RRSIG: 46, NSEC: 47, DNSKEY: 48, DHCID: 49, NSEC3: 50,
    NSEC3PARAM: 51, TLSA: 52, SMIMEA: 53, HIP: 55, NINFO: 56, RKEY: 57, TALINK: 58, CDS: 59,
    CDNSKEY: 60, OPENPGPKEY: 61, CSYNC: 62, ZONEMD: 63, SVCB: 64, HTTPS: 65, SPF: 99, UINFO: 100,
    UID: 101, GID: 102, UNSPEC: 103, NID: 104, L32: 105, L64: 106, LP: 107, EUI48: 108, EUI64: 109,
    TKEY: 249, TSIG: 250, IXFR: 251, AXFR: 252, MAILB: 253, MAILA: 254, ANY: 255, URI: 256, CAA: 257,
    AVC: 258, DOA: 259, AMTRELAY: 260, RESINFO: 261, TA: 32768, DLV: 32769,
  }),
);

/** The comma-separated items of a list value, with dnsmasq's blank stripping around the commas. */
export function listItems(value: string): ValuePiece[] {
  const items: ValuePiece[] = [];
  let rest: ValuePiece = wholeValue(value);
  for (let split = splitFirst(rest, ','); split; split = splitFirst(rest, ',')) {
    items.push(split.head);
    rest = split.tail;
  }
  items.push(rest);
  return items;
}

/** `--cache-rr` / `--filter-rr`: comma list of type names or numbers (an empty item reads as 0). */
export const rrTypeListCheck: ValueCheck = (value, name) => {
  if (value === undefined) return undefined;
  for (const item of listItems(value)) {
    if (isDigits(item.text) || RR_TYPE_NUMBERS.has(item.text.toUpperCase())) continue;
    const explanation = `${name}: '${item.text}' is not a record type dnsmasq knows; write a name such as TXT or a number such as 16.`;
    return { ...refuse(value, explanation, 'bad RR type'), range: pieceRange(item) };
  }
  return undefined;
};
