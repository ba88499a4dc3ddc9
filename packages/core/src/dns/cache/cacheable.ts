/** Which query types dnsmasq caches (spec c.1): A, AAAA, SRV, PTR, plus `--cache-rr` types. */
import type { CacheOptions } from '../forwarder-config.js';
import { T_A, T_AAAA, T_ANY, T_CNAME, T_PTR, T_SRV } from '../wire/rr-types.js';

export function isCacheableType(qtype: number, opts: CacheOptions): boolean {
  if (qtype === T_CNAME || qtype === T_ANY) return false;
  if (qtype === T_A || qtype === T_AAAA || qtype === T_SRV || qtype === T_PTR) return true;
  return opts.extraTypes === 'any' || opts.extraTypes.has(qtype);
}

/** `NODATA-IPv4`, `NODATA-IPv6` or `NODATA`, as dnsmasq words a negative answer for a type. */
export function nodataWord(qtype: number): string {
  return qtype === T_A ? 'NODATA-IPv4' : qtype === T_AAAA ? 'NODATA-IPv6' : 'NODATA';
}
