/**
 * Answers a query from the cache at the wire level: the client's header and question bytes are reused,
 * each cached record is replayed from its stored bytes with its remaining TTL, names are compression pointers.
 */
import { DnsCache, KIND_NODATA, KIND_NXDOMAIN, KIND_POSITIVE } from './cache.js';
import { nodataWord } from './cacheable.js';
import type { CacheOptions } from '../forwarder-config.js';
import { addressText, reverseNameToAddress } from '../wire/rdata.js';
import { T_A, T_AAAA, T_ANY, T_CNAME, T_PTR, T_SOA, T_TXT, typeName } from '../wire/rr-types.js';
import { FLAG_CD, FLAG_QR, FLAG_RA, FLAG_RD, RCODE_NXDOMAIN, readName, type QuestionInfo } from '../wire/wire.js';

const MAX_CHAIN = 10;
const links = new Int32Array(MAX_CHAIN);
const records = new Int32Array(64);

export const MISS = 0;
export const HIT = 1;
/** Answered with at least one expired entry (`--use-stale-cache`): also refresh upstream. */
export const HIT_STALE = 2;

export interface CacheAnswer {
  status: number;
  response: Buffer | undefined;
  /** On a miss after cached CNAME links: the lower-case name the chain stopped at (dnsmasq routes the forward by it). */
  chainEnd: string | undefined;
}

const result: CacheAnswer = { status: MISS, response: undefined, chainEnd: undefined };

function servedTtl(cache: DnsCache, slot: number, now: number, maxTtl: number): number {
  const ttl = cache.ttlLeft(slot, now);
  return maxTtl > 0 && ttl > maxTtl ? maxTtl : ttl;
}

/**
 * Looks the question up; on a hit builds the response. `lines` (when given) receives the `cached ...` log
 * bodies, also for the CNAME links found before a miss. The returned object is reused between calls.
 */
export function answerFromCache(
  query: Buffer,
  q: QuestionInfo,
  optSize: number,
  cache: DnsCache,
  opts: CacheOptions,
  now: number,
  lines: string[] | undefined,
): CacheAnswer {
  result.status = MISS;
  result.response = undefined;
  result.chainEnd = undefined;
  if (cache.capacity === 0 || q.qtype === T_CNAME || q.qtype === T_ANY) return result;
  let key = q.key;
  let nLinks = 0;
  let stale = false;
  for (let depth = 0; depth <= MAX_CHAIN; depth++) {
    let nx = -1;
    let nodata = -1;
    let cname = -1;
    let nRecs = 0;
    let dead = -1;
    for (let s = cache.head(key); s >= 0; s = cache.next(s)) {
      if (!cache.isUsable(s, now)) {
        dead = s;
        continue;
      }
      const kind = cache.kind[s]!;
      const type = cache.type[s]!;
      if (kind === KIND_NXDOMAIN) nx = s;
      else if (type === q.qtype && kind === KIND_POSITIVE && nRecs < records.length) records[nRecs++] = s;
      else if (type === q.qtype && kind === KIND_NODATA) nodata = s;
      else if (type === T_CNAME && kind === KIND_POSITIVE) cname = s;
    }
    if (dead >= 0) cache.collect(dead, now);
    // Records of the type (inserted after an NXDOMAIN, which they do not remove) win over the type-less NXDOMAIN.
    const final = nRecs > 0 ? -2 : nodata >= 0 ? nodata : nx >= 0 ? nx : -1;
    if (final !== -1) {
      for (let i = 0; i < nLinks; i++) if (!cache.isLive(links[i]!, now)) stale = true;
      if (final >= 0 && !cache.isLive(final, now)) stale = true;
      for (let i = 0; i < nRecs; i++) if (!cache.isLive(records[i]!, now)) stale = true;
      const response = build(query, q, optSize, cache, opts, now, nLinks, nRecs, final, lines, stale);
      if (!response) return result;
      // Round-robin as dnsmasq: this hit answers the stored order, the next one starts with this one's last.
      if (nRecs > 1 && opts.roundRobin) cache.rotate(key, q.qtype, KIND_POSITIVE);
      for (let i = 0; i < nLinks; i++) cache.touch(links[i]!);
      for (let i = 0; i < nRecs; i++) cache.touch(records[i]!);
      if (final >= 0) cache.touch(final);
      cache.stats.hits++;
      result.status = stale ? HIT_STALE : HIT;
      result.response = response;
      return result;
    }
    if (cname < 0 || nLinks === MAX_CHAIN) break;
    links[nLinks++] = cname;
    key = cache.target[cname]!;
  }
  if (lines) for (let i = 0; i < nLinks; i++) lines.push(linkLine(cache, links[i]!, now, i === 0 ? q.spelled : undefined));
  if (nLinks > 0) result.chainEnd = key;
  cache.stats.misses++;
  return result;
}

function word(cache: DnsCache, slot: number, now: number): string {
  return cache.isLive(slot, now) ? 'cached' : 'cached-stale';
}

/** `as` is the client's spelling when the entry is for the question name itself (dnsmasq logs it so). */
function linkLine(cache: DnsCache, slot: number, now: number, as?: string): string {
  return `${word(cache, slot, now)} ${as ?? cache.spelled[slot]} is <CNAME>`;
}

function recordLine(cache: DnsCache, slot: number, now: number, as?: string): string {
  const buf = cache.rdataBuffer(slot);
  const off = cache.rdataOffset(slot);
  const len = cache.rdLen[slot]!;
  const type = cache.type[slot]!;
  const name = as ?? cache.spelled[slot]!;
  let text: string;
  if (type === T_A || type === T_AAAA) text = addressText(buf, off, len);
  else if (type === T_PTR) {
    const target = readName(buf, off)?.spelled ?? '';
    return `${word(cache, slot, now)} ${reverseNameToAddress(cache.keys[slot]!) ?? name} is ${target}`;
  } else if (type === T_TXT) {
    text = '';
    for (let p = off; p < off + len; p += 1 + buf[p]!) text += buf.toString('latin1', p + 1, Math.min(off + len, p + 1 + buf[p]!));
  } else text = `<${typeName(type)}>`;
  return `${word(cache, slot, now)} ${name} is ${text}`;
}

function build(
  query: Buffer,
  q: QuestionInfo,
  optSize: number,
  cache: DnsCache,
  opts: CacheOptions,
  now: number,
  nLinks: number,
  nRecs: number,
  final: number,
  lines: string[] | undefined,
  stale: boolean,
): Buffer | undefined {
  const qLen = q.qEnd - 12;
  let size = 12 + qLen + (optSize > 0 ? 11 : 0);
  for (let i = 0; i < nLinks; i++) size += 12 + cache.rdLen[links[i]!]!;
  for (let i = 0; i < nRecs; i++) size += 12 + cache.rdLen[records[i]!]!;
  const soa = final >= 0 ? cache.soaOf(final, now) : -1;
  if (soa >= 0) size += 10 + cache.rdLen[soa]! - 1;
  if (size > 0x3fff) return undefined;
  const out = Buffer.allocUnsafe(size);
  const negative = final >= 0;
  const rcode = negative && cache.kind[final] === KIND_NXDOMAIN ? RCODE_NXDOMAIN : 0;
  out.writeUInt16BE(q.id, 0);
  out.writeUInt16BE(FLAG_QR | (q.flags & (FLAG_RD | FLAG_CD | 0x7800)) | FLAG_RA | rcode, 2);
  out.writeUInt16BE(1, 4);
  out.writeUInt16BE(nLinks + nRecs, 6);
  out.writeUInt16BE(soa >= 0 ? 1 : 0, 8);
  out.writeUInt16BE(optSize > 0 ? 1 : 0, 10);
  query.copy(out, 12, 12, q.qEnd);
  let w = q.qEnd;
  let owner = 0xc00c;
  const maxTtl = opts.maxTtl;
  for (let i = 0; i < nLinks; i++) {
    const s = links[i]!;
    w = writeRecord(out, w, owner, T_CNAME, servedTtl(cache, s, now, maxTtl), cache, s);
    owner = 0xc000 | (w - cache.rdLen[s]!);
    if (lines) lines.push(linkLine(cache, s, now, i === 0 ? q.spelled : undefined));
  }
  for (let i = 0; i < nRecs; i++) {
    const s = records[i]!;
    w = writeRecord(out, w, owner, cache.type[s]!, servedTtl(cache, s, now, maxTtl), cache, s);
    if (lines) lines.push(recordLine(cache, s, now, nLinks === 0 ? q.spelled : undefined));
  }
  if (negative && lines) {
    const what = cache.kind[final] === KIND_NXDOMAIN ? 'NXDOMAIN' : nodataWord(q.qtype);
    const spelled = nLinks === 0 ? q.spelled : cache.spelled[final];
    const name = q.qtype === T_PTR ? reverseNameToAddress(cache.keys[final]!) ?? spelled : spelled;
    lines.push(`${word(cache, final, now)} ${name} is ${what}`);
  }
  if (soa >= 0) {
    const buf = cache.rdataBuffer(soa);
    const off = cache.rdataOffset(soa);
    const ownerLen = buf[off]!;
    buf.copy(out, w, off + 1, off + 1 + ownerLen);
    w += ownerLen;
    const rdLen = cache.rdLen[soa]! - 1 - ownerLen;
    out.writeUInt16BE(T_SOA, w);
    out.writeUInt16BE(1, w + 2);
    out.writeUInt32BE(servedTtl(cache, soa, now, maxTtl), w + 4);
    out.writeUInt16BE(rdLen, w + 8);
    buf.copy(out, w + 10, off + 1 + ownerLen, off + 1 + ownerLen + rdLen);
    w += 10 + rdLen;
  }
  if (optSize > 0) {
    out[w] = 0;
    out.writeUInt16BE(41, w + 1);
    out.writeUInt16BE(optSize, w + 3);
    out.writeUInt32BE(0, w + 5);
    out.writeUInt16BE(0, w + 9);
  }
  void stale;
  return out;
}

function writeRecord(out: Buffer, at: number, owner: number, type: number, ttl: number, cache: DnsCache, slot: number): number {
  const len = cache.rdLen[slot]!;
  out.writeUInt16BE(owner, at);
  out.writeUInt16BE(type, at + 2);
  out.writeUInt16BE(1, at + 4);
  out.writeUInt32BE(ttl, at + 6);
  out.writeUInt16BE(len, at + 10);
  const off = cache.rdataOffset(slot);
  cache.rdataBuffer(slot).copy(out, at + 12, off, off + len);
  return at + 12 + len;
}
