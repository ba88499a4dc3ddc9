// The cache's name index (hash buckets chained through the slots) against a scan of the slots themselves,
// under random inserts, removals, round-robin rotations, evictions, expiries and growth past the first allocation.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DnsCache, KIND_FREE, KIND_NODATA, KIND_POSITIVE, KIND_SOA } from '../../src/dns/cache/cache.js';

const NAMES = Array.from({ length: 40 }, (_, i) => `n${i}.example`);

type Op =
  | { op: 'insert'; name: number; type: number; kind: number; ttl: number }
  | { op: 'remove'; name: number; type: number }
  | { op: 'rotate'; name: number; type: number }
  | { op: 'tick'; seconds: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ op: fc.constant('insert' as const), name: fc.nat(NAMES.length - 1), type: fc.constantFrom(1, 5, 28), kind: fc.constantFrom(KIND_POSITIVE, KIND_NODATA, KIND_SOA), ttl: fc.integer({ min: 1, max: 30 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('remove' as const), name: fc.nat(NAMES.length - 1), type: fc.constantFrom(-1, 1, 5, 28) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('rotate' as const), name: fc.nat(NAMES.length - 1), type: fc.constantFrom(1, 28) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('tick' as const), seconds: fc.integer({ min: 0, max: 20 }) }) },
);

/** Slots of `key` as the index finds them, and as a scan of every slot finds them. */
function viaIndex(cache: DnsCache, key: string): number[] {
  const out: number[] = [];
  for (let s = cache.head(key); s >= 0; s = cache.next(s)) out.push(s);
  return out.sort((x, y) => x - y);
}
function viaScan(cache: DnsCache, key: string): number[] {
  const out: number[] = [];
  for (let s = 0; s < cache.keys.length; s++) if (cache.kind[s] !== KIND_FREE && cache.keys[s] === key) out.push(s);
  return out;
}

describe('cache name index', () => {
  it.each([12, 1500])('finds exactly the slots of each name (cache of %i records)', (capacity) => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: capacity > 100 ? 3000 : 300 }), (ops) => {
        const cache = new DnsCache(capacity);
        let now = 1_000_000;
        let serial = 0;
        for (const o of ops) {
          if (o.op === 'insert') cache.insert(NAMES[o.name]!, NAMES[o.name]!, o.type, o.kind, o.ttl, now, Buffer.from([serial++ & 255, 1, 2, 3]));
          else if (o.op === 'remove') cache.remove(NAMES[o.name]!, o.type);
          else if (o.op === 'rotate') cache.rotate(NAMES[o.name]!, o.type, KIND_POSITIVE);
          else now += o.seconds * 1000;
        }
        for (const key of NAMES) expect(viaIndex(cache, key)).toEqual(viaScan(cache, key));
        expect(cache.indexedNames()).toBe(NAMES.filter((key) => viaScan(cache, key).length > 0).length);
        expect(cache.size).toBeLessThanOrEqual(capacity);
      }),
      { numRuns: capacity > 100 ? 30 : 200 },
    );
  });

  it('keeps every name findable when the slots grow past the first allocation', () => {
    const cache = new DnsCache(5000);
    for (let i = 0; i < 4000; i++) cache.insert(`g${i}.example`, `g${i}.example`, 1, KIND_POSITIVE, 60, 0, Buffer.from([10, 0, 0, 1]));
    for (let i = 0; i < 4000; i++) expect(cache.head(`g${i}.example`), `g${i}`).toBeGreaterThanOrEqual(0);
    expect(cache.head('absent.example')).toBe(-1);
  });
});
