import { fnv1a } from './name-hash.js';
import { SlotIndex } from './slot-index.js';

/**
 * Times are milliseconds: an entry lives exactly TTL seconds from its insertion, and is served with the
 * remaining whole seconds rounded up (so TTLs still decay by one per second, as dnsmasq's do).
 *
 * dnsmasq's cache as preallocated slots: one slot per record (address, CNAME link, negative answer, stored SOA),
 * parallel typed arrays instead of one object per entry, record data kept as uncompressed wire bytes in a slab.
 * LRU within `size` records; expired entries are freed lazily or when an insert needs room (see spec c.5).
 */

export const KIND_FREE = 0;
export const KIND_POSITIVE = 1;
export const KIND_NODATA = 2;
export const KIND_NXDOMAIN = 3;
/** An SOA kept for the authority section of negative answers; not found by name lookups. */
export const KIND_SOA = 4;

const SLOT_BYTES = 48;
const FIRST_ALLOCATION = 1024;

export interface CacheStats {
  insertions: number;
  evictions: number;
  hits: number;
  misses: number;
}

export class DnsCache {
  readonly stats: CacheStats = { insertions: 0, evictions: 0, hits: 0, misses: 0 };
  private slots = 0;
  private used = 0;
  kind = new Uint8Array(0);
  type = new Uint16Array(0);
  expiry = new Float64Array(0);
  rdLen = new Uint16Array(0);
  gen = new Uint32Array(0);
  private nextSame = new Int32Array(0);
  private lruPrev = new Int32Array(0);
  private lruNext = new Int32Array(0);
  private slab = Buffer.alloc(0);
  private readonly overflow = new Map<number, Buffer>();
  keys: (string | undefined)[] = [];
  spelled: (string | undefined)[] = [];
  /** For CNAME entries: the target's lower-case name. */
  target: (string | undefined)[] = [];
  /** Name index: the first slot of each name. */
  private readonly index = new SlotIndex(0);
  private lastKey: string | undefined;
  private lastHash = 0;
  private free: number[] = [];
  private lruHead = -1;
  private lruTail = -1;
  private minDeadAt = Infinity;

  /**
   * @param capacity records (`--cache-size`), 0 disables the cache
   * @param staleSeconds `--use-stale-cache` window: undefined = off, 0 = forever
   */
  constructor(readonly capacity: number, private readonly staleSeconds: number | undefined = undefined) {
    if (capacity > 0) this.grow(Math.min(capacity, FIRST_ALLOCATION));
  }

  get size(): number {
    return this.used - this.free.length;
  }

  /** First slot holding `key`, or -1; continue with `next`. */
  head(key: string): number {
    const h = this.hash(key);
    const index = this.index;
    for (let s = index.first(h); s >= 0; s = index.next(s)) {
      if (index.hashOf(s) === h && this.keys[s] === key) return s;
    }
    return -1;
  }

  /** How many names the index holds (walks every bucket; for checks, not for serving). */
  indexedNames(): number {
    return this.index.count(this.slots);
  }

  private hash(key: string): number {
    if (key !== this.lastKey) {
      this.lastKey = key;
      this.lastHash = fnv1a(key);
    }
    return this.lastHash;
  }

  next(slot: number): number {
    return this.nextSame[slot]!;
  }

  /** Seconds left, rounded up (0 when expired). */
  ttlLeft(slot: number, now: number): number {
    const left = this.expiry[slot]! - now;
    return left > 0 ? Math.ceil(left / 1000) : 0;
  }

  isLive(slot: number, now: number): boolean {
    return now < this.expiry[slot]!;
  }

  /** Live, or expired but still inside the `--use-stale-cache` window. */
  isUsable(slot: number, now: number): boolean {
    return now < this.deadAt(slot);
  }

  rdataBuffer(slot: number): Buffer {
    return this.overflow.get(slot) ?? this.slab;
  }

  rdataOffset(slot: number): number {
    return this.overflow.has(slot) ? 0 : slot * SLOT_BYTES;
  }

  /** True when the cache holds a usable record or NODATA entry for `key` (the name exists). */
  knowsName(key: string, now: number): boolean {
    for (let s = this.head(key); s >= 0; s = this.nextSame[s]!) {
      const kind = this.kind[s]!;
      if ((kind === KIND_POSITIVE || kind === KIND_NODATA) && now < this.deadAt(s)) return true;
    }
    return false;
  }

  /** Inserts one record (`ttl` in seconds, `now` in ms) at the LRU front and the end of its name's list; returns the slot or -1 (cache disabled). */
  insert(key: string, spelled: string, type: number, kind: number, ttl: number, now: number, rdata?: Buffer, target?: string): number {
    if (this.capacity === 0) return -1;
    const slot = this.allocate(now);
    this.kind[slot] = kind;
    this.type[slot] = type;
    this.expiry[slot] = now + ttl * 1000;
    this.keys[slot] = key;
    this.spelled[slot] = spelled;
    this.target[slot] = target;
    this.nextSame[slot] = -1;
    const len = rdata ? rdata.length : 0;
    this.rdLen[slot] = len;
    if (rdata && len > 0) {
      if (len <= SLOT_BYTES) rdata.copy(this.slab, slot * SLOT_BYTES);
      else this.overflow.set(slot, Buffer.from(rdata));
    }
    const h = this.head(key);
    if (h < 0) this.index.insert(slot, this.hash(key));
    else {
      let s = h;
      while (this.nextSame[s]! >= 0) s = this.nextSame[s]!;
      this.nextSame[s] = slot;
    }
    this.lruPushFront(slot);
    const deadAt = this.deadAt(slot);
    if (deadAt < this.minDeadAt) this.minDeadAt = deadAt;
    this.stats.insertions++;
    return slot;
  }

  /**
   * The SOA to replay with negative entry `slot`: the usable SOA cached for the zone named in `target` (one
   * SOA per zone, the newest; a negative stored without an SOA has no zone), or -1.
   */
  soaOf(slot: number, now: number): number {
    const zone = this.target[slot];
    if (zone === undefined) return -1;
    for (let s = this.head(zone); s >= 0; s = this.nextSame[s]!) {
      if (this.kind[s] === KIND_SOA && now < this.deadAt(s)) return s;
    }
    return -1;
  }

  /** Removes the SOA entries cached for `zone` (a newer SOA replaces them). */
  removeSoa(zone: string): void {
    let s = this.head(zone);
    while (s >= 0) {
      const nxt = this.nextSame[s]!;
      if (this.kind[s] === KIND_SOA) this.release(s);
      s = nxt;
    }
  }

  /**
   * Removes entries of `key` matching `type` (or every entry when type is -1). SOA entries stay, and so do
   * NXDOMAIN entries unless type is -1: a later answer for one type does not remove them.
   */
  remove(key: string, type: number): void {
    let s = this.head(key);
    while (s >= 0) {
      const nxt = this.nextSame[s]!;
      const kind = this.kind[s];
      if (kind !== KIND_SOA && (type < 0 || (this.type[s] === type && kind !== KIND_NXDOMAIN))) this.release(s);
      s = nxt;
    }
  }

  /** Marks a cache hit: the entry becomes most recently used. */
  touch(slot: number): void {
    if (slot === this.lruHead) return;
    this.lruUnlink(slot);
    this.lruPushFront(slot);
  }

  /**
   * Round-robin: moves the last entry of `key`/`type`/`kind` in front of the first one of that set, so that
   * successive hits on [1,2,3] answer 123, 312, 231 (measured on dnsmasq 2.90 with 2, 3 and 4 records).
   */
  rotate(key: string, type: number, kind: number): void {
    let first = -1;
    let firstPrev = -1;
    let last = -1;
    let lastPrev = -1;
    let prev = -1;
    for (let s = this.head(key); s >= 0; prev = s, s = this.nextSame[s]!) {
      if (this.type[s] !== type || this.kind[s] !== kind) continue;
      if (first < 0) {
        first = s;
        firstPrev = prev;
      }
      last = s;
      lastPrev = prev;
    }
    if (first < 0 || first === last) return;
    this.nextSame[lastPrev] = this.nextSame[last]!;
    this.nextSame[last] = first;
    if (firstPrev < 0) this.index.replace(first, last);
    else this.nextSame[firstPrev] = last;
  }

  /** Frees `slot` if it can no longer be served; returns true when it did. */
  collect(slot: number, now: number): boolean {
    if (this.kind[slot] === KIND_FREE || now < this.deadAt(slot)) return false;
    this.release(slot);
    return true;
  }

  clear(): void {
    for (let s = 0; s < this.used; s++) if (this.kind[s] !== KIND_FREE) this.release(s);
  }

  private deadAt(slot: number): number {
    const exp = this.expiry[slot]!;
    if (this.staleSeconds === undefined) return exp;
    return this.staleSeconds === 0 ? Infinity : exp + this.staleSeconds * 1000;
  }

  private allocate(now: number): number {
    const reused = this.free.pop();
    if (reused !== undefined) return reused;
    if (this.used < this.capacity) {
      if (this.used === this.slots) this.grow(Math.min(this.capacity, this.slots * 2));
      return this.used++;
    }
    const tail = this.lruTail;
    if (this.collect(tail, now)) return this.free.pop()!;
    if (this.minDeadAt <= now) {
      let min = Infinity;
      for (let s = 0; s < this.used; s++) {
        if (this.kind[s] === KIND_FREE) continue;
        if (!this.collect(s, now)) min = Math.min(min, this.deadAt(s));
      }
      this.minDeadAt = min;
      const got = this.free.pop();
      if (got !== undefined) return got;
    }
    const key = this.keys[tail]!;
    const type = this.type[tail]!;
    const kind = this.kind[tail]!;
    this.stats.evictions++;
    if (kind === KIND_SOA) this.release(tail);
    else this.remove(key, kind === KIND_NXDOMAIN ? -1 : type);
    return this.free.pop()!;
  }

  private release(slot: number): void {
    const key = this.keys[slot]!;
    const h = this.head(key);
    if (h === slot) {
      const nxt = this.nextSame[slot]!;
      if (nxt < 0) this.index.remove(slot);
      else this.index.replace(slot, nxt);
    } else {
      let s = h;
      while (this.nextSame[s] !== slot) s = this.nextSame[s]!;
      this.nextSame[s] = this.nextSame[slot]!;
    }
    this.lruUnlink(slot);
    this.kind[slot] = KIND_FREE;
    this.keys[slot] = undefined;
    this.spelled[slot] = undefined;
    this.target[slot] = undefined;
    this.overflow.delete(slot);
    this.gen[slot] = (this.gen[slot]! + 1) >>> 0;
    this.free.push(slot);
  }

  private lruPushFront(slot: number): void {
    this.lruPrev[slot] = -1;
    this.lruNext[slot] = this.lruHead;
    if (this.lruHead >= 0) this.lruPrev[this.lruHead] = slot;
    this.lruHead = slot;
    if (this.lruTail < 0) this.lruTail = slot;
  }

  private lruUnlink(slot: number): void {
    const p = this.lruPrev[slot]!;
    const n = this.lruNext[slot]!;
    if (p >= 0) this.lruNext[p] = n;
    else this.lruHead = n;
    if (n >= 0) this.lruPrev[n] = p;
    else this.lruTail = p;
  }

  private grow(slots: number): void {
    const copy = <T extends Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array>(old: T, make: (n: number) => T): T => {
      const next = make(slots);
      next.set(old as never);
      return next;
    };
    this.kind = copy(this.kind, (n) => new Uint8Array(n));
    this.type = copy(this.type, (n) => new Uint16Array(n));
    this.expiry = copy(this.expiry, (n) => new Float64Array(n));
    this.rdLen = copy(this.rdLen, (n) => new Uint16Array(n));

    this.gen = copy(this.gen, (n) => new Uint32Array(n));
    this.nextSame = copy(this.nextSame, (n) => new Int32Array(n));
    this.index.grow(slots);
    this.lruPrev = copy(this.lruPrev, (n) => new Int32Array(n));
    this.lruNext = copy(this.lruNext, (n) => new Int32Array(n));
    const slab = Buffer.alloc(slots * SLOT_BYTES);
    this.slab.copy(slab);
    this.slab = slab;
    this.keys.length = slots;
    this.spelled.length = slots;
    this.target.length = slots;
    this.slots = slots;
  }
}
