/** DNS record type numbers and the names dnsmasq prints for them. */
export const T_A = 1;
export const T_NS = 2;
export const T_CNAME = 5;
export const T_SOA = 6;
export const T_PTR = 12;
export const T_MX = 15;
export const T_TXT = 16;
export const T_AAAA = 28;
export const T_SRV = 33;
export const T_OPT = 41;
export const T_ANY = 255;

export const C_IN = 1;
export const C_CHAOS = 3;

const NAMES: Record<number, string> = {
  1: 'A', 2: 'NS', 5: 'CNAME', 6: 'SOA', 12: 'PTR', 13: 'HINFO', 15: 'MX', 16: 'TXT', 17: 'RP', 18: 'AFSDB',
  24: 'SIG', 25: 'KEY', 28: 'AAAA', 29: 'LOC', 33: 'SRV', 35: 'NAPTR', 36: 'KX', 37: 'CERT', 38: 'A6', 39: 'DNAME',
  41: 'OPT', 43: 'DS', 44: 'SSHFP', 46: 'RRSIG', 47: 'NSEC', 48: 'DNSKEY', 50: 'NSEC3', 51: 'NSEC3PARAM',
  52: 'TLSA', 53: 'SMIMEA', 55: 'HIP', 59: 'CDS', 60: 'CDNSKEY', 61: 'OPENPGPKEY', 62: 'CSYNC', 63: 'ZONEMD',
  64: 'SVCB', 65: 'HTTPS', 99: 'SPF', 249: 'TKEY', 250: 'TSIG', 251: 'IXFR', 252: 'AXFR', 253: 'MAILB',
  254: 'MAILA', 255: 'ANY', 256: 'URI', 257: 'CAA',
};

const NUMBERS = new Map(Object.entries(NAMES).map(([n, name]) => [name, Number(n)]));

/** `A`, `AAAA`, ... or `type=NNN` for types without a name, as in `query[type=NNN]`. */
export function typeName(type: number): string {
  return NAMES[type] ?? `type=${type}`;
}

/** `TXT` -> 16 (case-insensitive); undefined when unknown. Accepts `TYPE123`-free plain numbers too. */
export function typeNumber(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text) <= 65535 ? Number(text) : undefined;
  return NUMBERS.get(text.toUpperCase());
}
