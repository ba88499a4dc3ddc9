/** Record data: uncompressed copies for the cache, and the text dnsmasq prints in its log. */
import ipaddr from 'ipaddr.js';
import { copyNameUncompressed, readName } from './wire.js';
import { T_A, T_AAAA, T_CNAME, T_MX, T_NS, T_PTR, T_SOA, T_SRV, T_TXT, typeName } from './rr-types.js';

const scratch = Buffer.alloc(65_536);

/**
 * The record's data with every embedded name decompressed, so it can be replayed in another packet.
 * Returns a view into `buf` (data without names) or into a shared scratch buffer (copy it before the next call),
 * or undefined when malformed.
 */
export function uncompressedRdata(buf: Buffer, type: number, rdOffset: number, rdLength: number): Buffer | undefined {
  let fixed = -1;
  let names = 0;
  switch (type) {
    case T_CNAME: case T_NS: case T_PTR: case 39: names = 1; fixed = 0; break;
    case T_MX: names = 1; fixed = 2; break;
    case T_SRV: names = 1; fixed = 6; break;
    case T_SOA: names = 2; fixed = 20; break;
    default:
      return buf.subarray(rdOffset, rdOffset + rdLength);
  }
  let w = 0;
  let r = rdOffset;
  if (type === T_MX || type === T_SRV) {
    if (fixed > rdLength) return undefined;
    buf.copy(scratch, 0, r, r + fixed);
    w = fixed;
    r += fixed;
  }
  for (let i = 0; i < names; i++) {
    const next = copyNameUncompressed(buf, r, scratch, w);
    const n = readName(buf, r);
    if (next < 0 || !n) return undefined;
    w = next;
    r = n.end;
  }
  if (type === T_SOA) {
    if (r + 20 > rdOffset + rdLength) return undefined;
    buf.copy(scratch, w, r, r + 20);
    w += 20;
  }
  return scratch.subarray(0, w);
}

/** IPv4/IPv6 text of address rdata. */
export function addressText(buf: Buffer, offset: number, length: number): string {
  if (length === 4) return `${buf[offset]}.${buf[offset + 1]}.${buf[offset + 2]}.${buf[offset + 3]}`;
  if (length === 16) return ipaddr.fromByteArray([...buf.subarray(offset, offset + 16)]).toString();
  return '<bad address>';
}

/** What dnsmasq prints after `is` for one record whose type matches the query (or `<TYPE>` otherwise). */
export function rdataLogText(buf: Buffer, type: number, rdOffset: number, rdLength: number, qtype: number): string {
  if (type === T_CNAME) return '<CNAME>';
  if (type !== qtype) return `<${typeName(type)}>`;
  switch (type) {
    case T_A:
    case T_AAAA:
      return addressText(buf, rdOffset, rdLength);
    case T_PTR:
      return readName(buf, rdOffset)?.spelled ?? '<PTR>';
    case T_TXT: {
      let s = '';
      let p = rdOffset;
      const end = rdOffset + rdLength;
      while (p < end) {
        const l = buf[p]!;
        s += buf.toString('latin1', p + 1, Math.min(end, p + 1 + l));
        p += 1 + l;
      }
      return s;
    }
    default:
      return `<${typeName(type)}>`;
  }
}

/** `4.3.2.1.in-addr.arpa` -> `1.2.3.4` (and nibble ip6.arpa names to IPv6); undefined when not a full address. */
export function reverseNameToAddress(key: string): string | undefined {
  if (key.endsWith('.in-addr.arpa')) {
    const parts = key.slice(0, -13).split('.');
    if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) < 256)) return undefined;
    return parts.reverse().join('.');
  }
  if (key.endsWith('.ip6.arpa')) {
    const parts = key.slice(0, -9).split('.');
    if (parts.length !== 32 || !parts.every((p) => /^[0-9a-f]$/.test(p))) return undefined;
    const hex = parts.reverse().join('');
    const bytes: number[] = [];
    for (let i = 0; i < 32; i += 2) bytes.push(parseInt(hex.slice(i, i + 2), 16));
    return ipaddr.fromByteArray(bytes).toString();
  }
  return undefined;
}
