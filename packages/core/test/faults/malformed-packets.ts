// Malformed DNS messages, built byte by byte: what a fuzzer or a hostile peer sends.
import fc from 'fast-check';
import { encodeQuery } from '../differential/dns-client.js';

export function validQuery(name: string, id = 0x1234, type = 'A'): Buffer {
  return encodeQuery({ name, type }, id);
}

function header(id: number, flags: number, qd: number, an = 0, ns = 0, ar = 0): Buffer {
  const h = Buffer.alloc(12);
  h.writeUInt16BE(id, 0);
  h.writeUInt16BE(flags, 2);
  h.writeUInt16BE(qd, 4);
  h.writeUInt16BE(an, 6);
  h.writeUInt16BE(ns, 8);
  h.writeUInt16BE(ar, 10);
  return h;
}

const QTYPE_A_IN = Buffer.from([0, 1, 0, 1]);

/** Every prefix of the packet, from empty to one byte short. */
export function truncations(packet: Buffer): Buffer[] {
  return Array.from({ length: packet.length }, (_, n) => packet.subarray(0, n));
}

/** Names that never end: pointer to itself, two pointers to each other, pointers past the end, reserved label types. */
export function badNames(id = 0x4242): Buffer[] {
  const h = header(id, 0x0100, 1);
  return [
    Buffer.concat([h, Buffer.from([0xc0, 12]), QTYPE_A_IN]), // pointer to itself
    Buffer.concat([h, Buffer.from([1, 0x61, 0xc0, 14, 0xc0, 12]), QTYPE_A_IN]), // label then pointers chasing each other
    Buffer.concat([h, Buffer.from([0xc0, 0xff]), QTYPE_A_IN]), // pointer beyond the packet
    Buffer.concat([h, Buffer.from([0xff, 0xff])]), // pointer to 0x3fff, no question tail
    Buffer.concat([h, Buffer.from([0x40, 1, 0]), QTYPE_A_IN]), // extended label type 0b01
    Buffer.concat([h, Buffer.from([0x80, 1, 0]), QTYPE_A_IN]), // reserved label type 0b10
    Buffer.concat([h, Buffer.from([63]), Buffer.alloc(10, 0x61)]), // label longer than the packet
    Buffer.concat([h, ...Array.from({ length: 6 }, () => Buffer.concat([Buffer.from([63]), Buffer.alloc(63, 0x62)])), Buffer.from([0]), QTYPE_A_IN]), // name > 255 bytes
    Buffer.concat([h, Buffer.from([3, 0x61, 0x00, 0x62, 0]), QTYPE_A_IN]), // NUL inside a label
    Buffer.concat([h, Buffer.from([3, 0x61, 0x2e, 0x62, 0]), QTYPE_A_IN]), // a dot inside a label
  ];
}

/** Header fields that lie or are unusual: huge counts, no question, two questions, QR=1, other opcodes, bad EDNS. */
export function badHeaders(id = 0x4343): Buffer[] {
  const q = validQuery('fuzz.example', id);
  const body = q.subarray(12);
  const out: Buffer[] = [];
  const counts: [number, number, number, number][] = [[0xffff, 0, 0, 0], [1, 0xffff, 0, 0], [1, 0, 0xffff, 0], [1, 0, 0, 0xffff], [0xffff, 0xffff, 0xffff, 0xffff], [0, 0, 0, 0], [2, 0, 0, 0]];
  for (const [qd, an, ns, ar] of counts) out.push(Buffer.concat([header(id, 0x0100, qd, an, ns, ar), body]));
  out.push(Buffer.concat([header(id, 0x0100, 2), body, body])); // two real questions
  out.push(Buffer.concat([header(id, 0x8180, 1), body])); // a response sent to the server
  for (let opcode = 1; opcode < 16; opcode++) out.push(Buffer.concat([header(id, 0x0100 | (opcode << 11), 1), body]));
  out.push(Buffer.concat([header(id, 0x010f, 1), body])); // rcode bits set in a query
  const opt = (rdlength: number, rdata: Buffer) => Buffer.concat([Buffer.from([0, 0, 41, 0x10, 0, 0, 0, 0, 0]), Buffer.from([rdlength >> 8, rdlength & 0xff]), rdata]);
  out.push(Buffer.concat([header(id, 0x0100, 1, 0, 0, 1), body, opt(0xffff, Buffer.alloc(4))])); // OPT rdlength past the end
  out.push(Buffer.concat([header(id, 0x0100, 1, 0, 0, 1), body, opt(8, Buffer.from([0, 8, 0xff, 0xff, 0, 1, 0, 0]))])); // EDNS option longer than OPT
  out.push(Buffer.concat([header(id, 0x0100, 1, 0, 0, 2), body, opt(0, Buffer.alloc(0)), opt(0, Buffer.alloc(0))])); // two OPTs
  out.push(Buffer.concat([header(id, 0x0100, 1), body, Buffer.alloc(3000, 0xab)])); // trailing junk, oversize datagram
  return out;
}

/** Reproducible random datagrams (0..600 bytes). */
export function randomDatagrams(count: number, seed: number): Buffer[] {
  return fc.sample(fc.uint8Array({ minLength: 0, maxLength: 600 }), { seed, numRuns: count }).map((a) => Buffer.from(a));
}

/** Valid queries with 1..4 random bytes overwritten, reproducibly. */
export function mutatedQueries(count: number, seed: number): Buffer[] {
  const edit = fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 });
  return fc.sample(fc.tuple(fc.integer({ min: 0, max: 0xffff }), edit), { seed, numRuns: count }).map(([id, edits]) => {
    const p = Buffer.from(validQuery(`m${id}.mutate.example`, id));
    for (const [at, byte] of edits) p[at % p.length] = byte;
    return p;
  });
}
