// Upstream replies built from the forwarded query's own bytes, so they pass the ID and question
// checks and reach the reply parser: broken bodies, lying counts, loops, plus plain junk.
import fc from 'fast-check';

/** Offset just past the first question (name + type + class), or -1 when the query has none readable. */
export function questionEnd(query: Buffer): number {
  let off = 12;
  while (off < query.length) {
    const len = query[off]!;
    if (len === 0) return off + 5 <= query.length ? off + 5 : -1;
    if (len >= 0xc0) return off + 6 <= query.length ? off + 6 : -1;
    off += len + 1;
  }
  return -1;
}

/** Header + question of the query, marked as a response with the given counts. */
export function replyHead(query: Buffer, an: number, ns = 0, ar = 0, rcode = 0): Buffer {
  const end = questionEnd(query);
  const head = Buffer.from(query.subarray(0, end < 0 ? 12 : end));
  head.writeUInt16BE(0x8180 | rcode, 2);
  head.writeUInt16BE(end < 0 ? 0 : 1, 4);
  head.writeUInt16BE(an, 6);
  head.writeUInt16BE(ns, 8);
  head.writeUInt16BE(ar, 10);
  return head;
}

const rr = (name: number[], type: number, ttl: number, rdata: number[], rdlength = rdata.length) =>
  Buffer.from([...name, type >> 8, type & 0xff, 0, 1, (ttl >>> 24) & 0xff, (ttl >>> 16) & 0xff, (ttl >>> 8) & 0xff, ttl & 0xff, rdlength >> 8, rdlength & 0xff, ...rdata]);

export function validReply(query: Buffer, address = [192, 0, 2, 7]): Buffer {
  return Buffer.concat([replyHead(query, 1), rr([0xc0, 12], 1, 60, address)]);
}

/** The i-th kind of broken reply to `query` (cycles through all kinds). */
export function brokenReply(query: Buffer, i: number): Buffer {
  const head = (an: number, ns = 0, ar = 0, rcode = 0) => replyHead(query, an, ns, ar, rcode);
  const selfPointer = (at: number) => [0xc0 | (at >> 8), at & 0xff];
  const kinds: (() => Buffer)[] = [
    () => head(0xffff), // claims 65535 answers, has none
    () => head(0xffff, 0xffff, 0xffff), // every count maxed
    () => Buffer.concat([head(1), rr(selfPointer(head(1).length), 1, 60, [192, 0, 2, 1])]), // owner name points at itself
    () => Buffer.concat([head(1), rr([0xc0, 12], 1, 60, [192, 0, 2, 1], 0xffff)]), // rdlength past the end
    () => Buffer.concat([head(1), rr([0xc0, 12], 5, 60, selfPointer(head(1).length + 12))]), // CNAME target is a loop
    () => Buffer.concat([head(1), rr([0xc0, 12], 1, 60, [192, 0, 2])]), // A with 3 bytes
    () => Buffer.concat([head(1), rr([0xc0, 12], 28, 60, [0x20, 1, 0x0d, 0xb8])]), // AAAA with 4 bytes
    () => Buffer.concat([head(0, 1, 0, 3), rr([0xc0, 12], 6, 60, [0xc0, 12, 0xc0, 12, 0, 0])]), // NXDOMAIN, SOA cut short
    () => Buffer.concat([head(1), rr([0xc0, 0xff], 1, 60, [192, 0, 2, 1])]), // owner pointer beyond the packet
    () => Buffer.concat([head(2), rr([0xc0, 12], 5, 0xffffffff, [0xc0, 12]), rr([0xc0, 12], 1, 0x80000000, [192, 0, 2, 1])]), // CNAME to itself, huge TTLs
    () => Buffer.concat([head(1, 0, 1), rr([0xc0, 12], 1, 60, [192, 0, 2, 1]), rr([0], 41, 0, [0, 8, 0xff, 0xff], 4)]), // OPT with a bad option
    () => head(0).subarray(0, 7), // a header cut in half, with the right ID
    () => Buffer.concat([head(3), Buffer.from(fc.sample(fc.uint8Array({ minLength: 1, maxLength: 300 }), { seed: i, numRuns: 1 })[0]!)]), // random body
  ];
  return kinds[i % kinds.length]!();
}

/** Random bytes of 0..512 length, reproducible by seed. */
export function junk(seed: number): Buffer {
  return Buffer.from(fc.sample(fc.uint8Array({ minLength: 0, maxLength: 512 }), { seed, numRuns: 1 })[0]!);
}
