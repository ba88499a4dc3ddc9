/** Reads a whole upstream reply into a flat list of records (offsets into the packet, no rdata copies). */
import { HEADER_LEN, readName, skipName } from './wire.js';

export const SECTION_ANSWER = 0;
export const SECTION_AUTHORITY = 1;
export const SECTION_ADDITIONAL = 2;

export interface ReplyRecord {
  readonly key: string;
  readonly spelled: string;
  readonly type: number;
  readonly cls: number;
  readonly ttl: number;
  readonly ttlOffset: number;
  readonly rdOffset: number;
  readonly rdLength: number;
  readonly section: number;
}

export interface ParsedReply {
  readonly id: number;
  readonly flags: number;
  readonly rcode: number;
  readonly qdcount: number;
  readonly qKey: string;
  readonly qSpelled: string;
  readonly qtype: number;
  readonly qclass: number;
  readonly records: readonly ReplyRecord[];
}

/** Parses the reply; undefined when malformed (then it is dropped, as dnsmasq drops what it cannot read). */
export function parseReply(buf: Buffer): ParsedReply | undefined {
  if (buf.length < HEADER_LEN) return undefined;
  const flags = buf.readUInt16BE(2);
  const qdcount = buf.readUInt16BE(4);
  const an = buf.readUInt16BE(6);
  const ns = buf.readUInt16BE(8);
  const ar = buf.readUInt16BE(10);
  let pos = HEADER_LEN;
  let qKey = '';
  let qSpelled = '';
  let qtype = 0;
  let qclass = 0;
  for (let i = 0; i < qdcount; i++) {
    const n = readName(buf, pos);
    if (!n || n.end + 4 > buf.length) return undefined;
    if (i === 0) {
      qKey = n.key;
      qSpelled = n.spelled;
      qtype = buf.readUInt16BE(n.end);
      qclass = buf.readUInt16BE(n.end + 2);
    }
    pos = n.end + 4;
  }
  const records: ReplyRecord[] = [];
  for (let section = 0; section < 3; section++) {
    const count = section === SECTION_ANSWER ? an : section === SECTION_AUTHORITY ? ns : ar;
    for (let i = 0; i < count; i++) {
      const n = readName(buf, pos);
      if (!n || n.end + 10 > buf.length) return undefined;
      const at = n.end;
      const rdLength = buf.readUInt16BE(at + 8);
      if (at + 10 + rdLength > buf.length) return undefined;
      records.push({
        key: n.key,
        spelled: n.spelled,
        type: buf.readUInt16BE(at),
        cls: buf.readUInt16BE(at + 2),
        ttl: buf.readUInt32BE(at + 4) & 0x7fffffff,
        ttlOffset: at + 4,
        rdOffset: at + 10,
        rdLength,
        section,
      });
      pos = at + 10 + rdLength;
    }
  }
  return { id: buf.readUInt16BE(0), flags, rcode: flags & 0xf, qdcount, qKey, qSpelled, qtype, qclass, records };
}

/** Offset of the end of the first question, or -1. */
export function questionEnd(buf: Buffer): number {
  const end = skipName(buf, HEADER_LEN);
  return end < 0 || end + 4 > buf.length ? -1 : end + 4;
}
