/**
 * dnsmasq's rules for turning an upstream reply into cache entries (spec c.1-c.4): the CNAME chain from the
 * question, the records of the query type at its end, or a negative entry with its TTL taken from the SOA,
 * `--neg-ttl`, or the chain's smallest CNAME TTL. A TTL of 0 abandons the whole reply.
 */
import { DnsCache, KIND_NODATA, KIND_NXDOMAIN, KIND_POSITIVE, KIND_SOA } from './cache.js';
import { isCacheableType } from './cacheable.js';
import type { CacheOptions } from '../forwarder-config.js';
import { uncompressedRdata } from '../wire/rdata.js';
import { SECTION_ANSWER, SECTION_AUTHORITY, type ParsedReply, type ReplyRecord } from '../wire/reply-reader.js';
import { C_IN, T_CNAME, T_PTR, T_SOA } from '../wire/rr-types.js';
import { RCODE_NXDOMAIN, readName } from '../wire/wire.js';

const MAX_CHAIN = 10;

export interface ChainWalk {
  /** CNAME records from the question name, in order. */
  readonly links: ReplyRecord[];
  /** Lower-case and spelled name at the end of the chain. */
  readonly finalKey: string;
  readonly finalSpelled: string;
  /** Answer records of the query type owned by the final name. */
  readonly finals: ReplyRecord[];
}

const NONE: readonly ReplyRecord[] = Object.freeze([]);

/** The answer record `type` owned by `key`, from index `from`, or -1 (a loop: no closure per reply). */
function findAnswer(records: readonly ReplyRecord[], key: string, type: number, from = 0): number {
  for (let i = from; i < records.length; i++) {
    const r = records[i]!;
    if (r.section === SECTION_ANSWER && r.type === type && r.key === key) return i;
  }
  return -1;
}

/** Follows the CNAME chain of the answer section from `qKey`. */
export function walkChain(buf: Buffer, reply: ParsedReply, qKey: string, qSpelled: string, qtype: number): ChainWalk {
  const records = reply.records;
  let links: ReplyRecord[] | undefined;
  let key = qKey;
  let spelled = qSpelled;
  for (let depth = 0; depth < MAX_CHAIN && qtype !== T_CNAME; depth++) {
    const at = findAnswer(records, key, T_CNAME);
    if (at < 0) break;
    const link = records[at]!;
    const target = readName(buf, link.rdOffset);
    if (!target) break;
    (links ??= []).push(link);
    key = target.key;
    spelled = target.spelled;
  }
  let finals: ReplyRecord[] | undefined;
  for (let at = findAnswer(records, key, qtype); at >= 0; at = findAnswer(records, key, qtype, at + 1)) (finals ??= []).push(records[at]!);
  return { links: links ?? (NONE as ReplyRecord[]), finalKey: key, finalSpelled: spelled, finals: finals ?? (NONE as ReplyRecord[]) };
}

function isSuffix(zone: string, name: string): boolean {
  return zone === '' || name === zone || name.endsWith('.' + zone);
}

/**
 * The SOA record usable for the negative TTL of the name spelled `name`, if any. Measured on dnsmasq 2.90
 * (H2b's generated finding 19): the owner must be a suffix of the name with the same letter case.
 */
export function findSoa(reply: ParsedReply, name: string): ReplyRecord | undefined {
  return reply.records.find(
    (r) => r.section === SECTION_AUTHORITY && r.type === T_SOA && r.cls === C_IN && isSuffix(r.spelled, name),
  );
}

function soaMinimum(buf: Buffer, soa: ReplyRecord): number {
  return buf.readUInt32BE(soa.rdOffset + soa.rdLength - 4) & 0x7fffffff;
}

function adjust(ttl: number, opts: CacheOptions): number {
  let t = ttl;
  if (opts.maxCacheTtl > 0 && t > opts.maxCacheTtl) t = opts.maxCacheTtl;
  if (opts.minCacheTtl > 0 && t < opts.minCacheTtl) t = opts.minCacheTtl;
  return t;
}

/** Stores what dnsmasq would store from this reply (caller checked: NOERROR/NXDOMAIN, no TC, no CD, class IN). */
export function cacheReply(
  buf: Buffer,
  reply: ParsedReply,
  q: { key: string; spelled: string; qtype: number },
  opts: CacheOptions,
  cache: DnsCache,
  now: number,
  viaTcp = false,
): void {
  if (cache.capacity === 0) return;
  const walk = walkChain(buf, reply, q.key, q.spelled, q.qtype);
  const negative = walk.finals.length === 0;
  const nxdomain = negative && reply.rcode === RCODE_NXDOMAIN;
  if (!nxdomain && !isCacheableType(q.qtype, opts)) return;
  if (negative && !opts.negCache) {
    // dnsmasq starts inserting the chain (freeing the old links) and then discards links without a target.
    for (const l of walk.links) cache.remove(l.key, T_CNAME);
    return;
  }
  const zeroOk = opts.useStale !== undefined;
  const links = q.qtype === T_PTR ? (NONE as ReplyRecord[]) : walk.links;
  if (!zeroOk) for (const l of links) if (adjust(l.ttl, opts) === 0) return;

  if (!negative) {
    if (!zeroOk) for (const r of walk.finals) if (adjust(r.ttl, opts) === 0) return;
    commitLinks(buf, links, opts, cache, now);
    cache.remove(walk.finalKey, q.qtype);
    cache.remove(walk.finalKey, T_CNAME);
    // Measured on dnsmasq 2.90 (2026-12-07): an RRset learnt over TCP is stored in reverse order, so its first
    // cache hit answers 3,2,1 for a reply of 1,2,3 (over UDP: 1,2,3); round-robin then goes on from there.
    for (let i = 0; i < walk.finals.length; i++) {
      const r = walk.finals[viaTcp ? walk.finals.length - 1 - i : i]!;
      const rd = uncompressedRdata(buf, r.type, r.rdOffset, r.rdLength);
      if (rd) cache.insert(r.key, r.spelled, r.type, KIND_POSITIVE, adjust(r.ttl, opts), now, rd);
    }
    return;
  }

  if (viaTcp && !nxdomain && walk.links.length > 0) {
    // Measured on dnsmasq: over TCP a chain ending in NODATA caches the CNAME links but not the NODATA.
    commitLinks(buf, links, opts, cache, now);
    return;
  }
  const soa = findSoa(reply, walk.finalSpelled);
  let raw = 0;
  if (soa) raw = Math.min(soa.ttl, soaMinimum(buf, soa));
  else if (opts.negTtl > 0) raw = opts.negTtl;
  else if (walk.links.length > 0) raw = Math.min(...walk.links.map((l) => l.ttl));
  const ttl = adjust(raw, opts);
  if (ttl === 0) return;
  // The SOA keeps its own TTL, adjusted like any record. Measured on dnsmasq 2.90: an SOA with TTL 0 is not
  // stored when the negative name is the question itself, but is (lifted by --min-cache-ttl) after a CNAME chain.
  const soaTtl = !soa || (soa.ttl === 0 && walk.links.length === 0) ? 0 : adjust(soa.ttl, opts);

  commitLinks(buf, links, opts, cache, now);
  cache.remove(walk.finalKey, nxdomain ? -1 : q.qtype);
  // The negative names its SOA's zone; the zone's newest SOA is the one replayed (measured on dnsmasq 2.90).
  // An NXDOMAIN answers every type (the lookup ignores its type field).
  const zone = soa && soaTtl > 0 ? soa.key : undefined;
  const slot = cache.insert(walk.finalKey, walk.finalSpelled, q.qtype, nxdomain ? KIND_NXDOMAIN : KIND_NODATA, ttl, now, undefined, zone);
  if (soa && zone !== undefined && slot >= 0) storeSoa(buf, soa, soaTtl, cache, now);
}

function commitLinks(buf: Buffer, links: readonly ReplyRecord[], opts: CacheOptions, cache: DnsCache, now: number): void {
  for (const l of links) {
    const target = readName(buf, l.rdOffset);
    const rd = uncompressedRdata(buf, T_CNAME, l.rdOffset, l.rdLength);
    if (!target || !rd) continue;
    const targetKey = target.key;
    cache.remove(l.key, T_CNAME);
    cache.insert(l.key, l.spelled, T_CNAME, KIND_POSITIVE, adjust(l.ttl, opts), now, rd, targetKey);
  }
}

/** SOA entries keep `[owner length][owner wire][SOA rdata]` so a cached negative answer can replay them. */
function storeSoa(buf: Buffer, soa: ReplyRecord, ttl: number, cache: DnsCache, now: number): number {
  cache.removeSoa(soa.key);
  const rd = uncompressedRdata(buf, T_SOA, soa.rdOffset, soa.rdLength);
  if (!rd) return -1;
  const owner = Buffer.alloc(256);
  const ownerLen = copyOwner(buf, soa, owner);
  if (ownerLen < 0) return -1;
  const blob = Buffer.concat([Buffer.from([ownerLen]), owner.subarray(0, ownerLen), rd]);
  return cache.insert(soa.key, soa.spelled, T_SOA, KIND_SOA, ttl, now, blob);
}

function copyOwner(buf: Buffer, rec: ReplyRecord, out: Buffer): number {
  const labels = rec.key === '' ? [] : rec.spelled.split('.');
  let w = 0;
  for (const l of labels) {
    const bytes = Buffer.from(l.replace(/\\(\d{3}|.)/g, (_m, g: string) => (g.length === 3 ? String.fromCharCode(Number(g)) : g)), 'latin1');
    if (w + bytes.length + 2 > out.length) return -1;
    out[w++] = bytes.length;
    bytes.copy(out, w);
    w += bytes.length;
  }
  out[w++] = 0;
  return w;
}
