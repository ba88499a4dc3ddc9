// What a forwarder's cache holds, for people: the Cache view of the extension and its status counts.
import { KIND_NODATA, KIND_NXDOMAIN, KIND_POSITIVE, type DnsCache } from '../dns/cache/cache.js';
import type { Forwarder } from '../dns/forwarder.js';
import { addressText } from '../dns/wire/rdata.js';
import { typeName } from '../dns/wire/rr-types.js';

export interface CacheEntry {
  readonly name: string;
  /** `A`, `AAAA`, `CNAME`, ... */
  readonly type: string;
  readonly kind: 'positive' | 'nodata' | 'nxdomain';
  /** Seconds left, rounded up; 0 for an expired entry still kept (`--use-stale-cache`). */
  readonly ttl: number;
  /** The address, the CNAME target, or the record's size for other types; empty for negative entries. */
  readonly data: string;
}

export interface ForwarderStats {
  readonly listen: string[];
  readonly hits: number;
  readonly misses: number;
  readonly insertions: number;
  readonly evictions: number;
  readonly entries: number;
  readonly negatives: number;
  /** As dnsmasq's SIGUSR1 dump: `server ADDR#PORT: queries sent N, retried or failed M, nxdomain replies X, avg. latency Lms`. */
  readonly upstreams: UpstreamStats[];
}

export interface UpstreamStats {
  readonly server: string;
  readonly queries: number;
  /** Replies SERVFAIL or REFUSED. */
  readonly failed: number;
  readonly nxdomain: number;
  /** Mean time from send to accepted reply, whole ms (0 before any reply). */
  readonly latencyMs: number;
}

const KINDS: Record<number, CacheEntry['kind']> = { [KIND_POSITIVE]: 'positive', [KIND_NODATA]: 'nodata', [KIND_NXDOMAIN]: 'nxdomain' };
const TYPE_CNAME = 5;

function dataOf(cache: DnsCache, slot: number, type: number): string {
  if (type === TYPE_CNAME) return cache.target[slot] ?? '';
  const length = cache.rdLen[slot]!;
  if (type === 1 || type === 28) return addressText(cache.rdataBuffer(slot), cache.rdataOffset(slot), length);
  return `${length} bytes`;
}

/** Every live entry (and stale ones still kept), names as first spelled, sorted by name then type. */
export function cacheEntries(cache: DnsCache, nowMs: number): CacheEntry[] {
  const entries: CacheEntry[] = [];
  for (let slot = 0; slot < cache.kind.length; slot++) {
    const kind = KINDS[cache.kind[slot]!];
    if (!kind) continue;
    const type = cache.type[slot]!;
    entries.push({
      name: cache.spelled[slot] ?? cache.keys[slot] ?? '',
      type: typeName(type),
      kind,
      ttl: cache.ttlLeft(slot, nowMs),
      data: kind === 'positive' ? dataOf(cache, slot, type) : '',
    });
  }
  return entries.sort((a, b) => a.name.localeCompare(b.name) || a.type.localeCompare(b.type));
}

export function forwarderStats(forwarder: Forwarder, nowMs: number): ForwarderStats {
  const entries = cacheEntries(forwarder.cache, nowMs).filter((e) => e.ttl > 0);
  const { hits, misses, insertions, evictions } = forwarder.cache.stats;
  return {
    listen: forwarder.addresses.map((a) => `${a.address}#${a.port}`),
    hits,
    misses,
    insertions,
    evictions,
    entries: entries.length,
    negatives: entries.filter((e) => e.kind !== 'positive').length,
    upstreams: [...forwarder.serverCounters].map(([server, c]) => ({
      server,
      queries: c.queries,
      failed: c.errors,
      nxdomain: c.nxdomain,
      latencyMs: c.replies > 0 ? Math.round(c.latencyMs / c.replies) : 0,
    })),
  };
}
