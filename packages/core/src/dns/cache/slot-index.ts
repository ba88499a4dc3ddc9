/**
 * A hash index over numbered slots, the one the forwarder's hot tables share (the cache's names, the in-flight
 * forwards by ID and by question): a slot is in at most one bucket chain, found by its 32-bit hash. The caller
 * keeps its records by slot number and compares keys itself. Entries coming and going allocate nothing: Maps in
 * their place were rebuilt by V8 as entries came and went, and under cache-miss load those dead tables were much
 * of what reached V8's old generation.
 */
export class SlotIndex {
  private buckets = new Int32Array(0);
  private nexts = new Int32Array(0);
  private hashes = new Uint32Array(0);

  /** Room for slots 0..`slots`-1, with at least as many buckets. */
  constructor(slots: number) {
    this.grow(slots);
  }

  /** How many slots there is room for. */
  get slots(): number {
    return this.nexts.length;
  }

  /** The first slot of the chain where `hash` would be (-1: none); walk on with `next`, compare with `hashOf` and the key. */
  first(hash: number): number {
    return this.buckets[hash & (this.buckets.length - 1)]!;
  }

  next(slot: number): number {
    return this.nexts[slot]!;
  }

  hashOf(slot: number): number {
    return this.hashes[slot]!;
  }

  /** Adds `slot` (not in the index) under `hash`. */
  insert(slot: number, hash: number): void {
    const b = hash & (this.buckets.length - 1);
    this.hashes[slot] = hash;
    this.nexts[slot] = this.buckets[b]!;
    this.buckets[b] = slot;
  }

  /** `slot` (not in the index) takes the place of `old` (in it), under the same hash; `old` leaves. */
  replace(old: number, slot: number): void {
    this.hashes[slot] = this.hashes[old]!;
    this.nexts[slot] = this.nexts[old]!;
    this.relink(old, slot);
    this.nexts[old] = -1;
  }

  /** Takes `slot` (in the index) out. */
  remove(slot: number): void {
    this.relink(slot, this.nexts[slot]!);
    this.nexts[slot] = -1;
  }

  /** In `old`'s chain, whatever pointed to `old` points to `to`. */
  private relink(old: number, to: number): void {
    const b = this.hashes[old]! & (this.buckets.length - 1);
    if (this.buckets[b] === old) {
      this.buckets[b] = to;
      return;
    }
    let p = this.buckets[b]!;
    while (this.nexts[p] !== old) p = this.nexts[p]!;
    this.nexts[p] = to;
  }

  /** Room for `slots` slots (never fewer than now), every indexed slot chained again into the new buckets. */
  grow(slots: number): void {
    const oldBuckets = this.buckets;
    const oldNexts = this.nexts;
    if (slots > oldNexts.length) {
      const nexts = new Int32Array(slots).fill(-1);
      nexts.set(oldNexts);
      const hashes = new Uint32Array(slots);
      hashes.set(this.hashes);
      this.nexts = nexts;
      this.hashes = hashes;
    }
    let size = 1;
    while (size < slots) size *= 2;
    if (size <= oldBuckets.length) return;
    this.buckets = new Int32Array(size).fill(-1);
    for (let b = 0; b < oldBuckets.length; b++) {
      for (let s = oldBuckets[b]!; s >= 0; ) {
        const next = oldNexts[s]!;
        this.insert(s, this.hashes[s]!);
        s = next;
      }
    }
  }

  /** How many slots the chains hold, counting at most `limit` (walks every bucket: for checks, not for serving). */
  count(limit = Infinity): number {
    let n = 0;
    for (let b = 0; b < this.buckets.length; b++) {
      for (let s = this.buckets[b]!; s >= 0 && n <= limit; s = this.nexts[s]!) n++;
    }
    return n;
  }
}
