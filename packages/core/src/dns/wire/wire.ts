/**
 * Hand-written DNS wire reading for the hot path: header fields, the question, names with compression.
 * Nothing here allocates more than the strings it returns.
 */

export const HEADER_LEN = 12;
export const FLAG_QR = 0x8000;
export const FLAG_AA = 0x0400;
export const FLAG_TC = 0x0200;
export const FLAG_RD = 0x0100;
export const FLAG_RA = 0x0080;
export const FLAG_AD = 0x0020;
export const FLAG_CD = 0x0010;

export const RCODE_NOERROR = 0;
export const RCODE_FORMERR = 1;
export const RCODE_SERVFAIL = 2;
export const RCODE_NXDOMAIN = 3;
export const RCODE_NOTIMP = 4;
export const RCODE_REFUSED = 5;

const MAX_NAME_WIRE = 255;
const MAX_POINTER_JUMPS = 64;

/** Result of `readName`; reused between calls on purpose (read it before the next call). */
export interface NameResult {
  /** Lower-case presentation form without the trailing dot; `` for the root. */
  key: string;
  /** Presentation form with the sender's letter case. */
  spelled: string;
  /** Offset just after the name where it is written (after the first pointer, if any). */
  end: number;
  /** Length of the uncompressed wire form. */
  wireLength: number;
}

const scratch: NameResult = { key: '', spelled: '', end: 0, wireLength: 0 };

function labelText(buf: Buffer, start: number, end: number): string {
  let plain = true;
  for (let i = start; i < end; i++) {
    const c = buf[i]!;
    if (c <= 0x20 || c >= 0x7f || c === 0x2e || c === 0x5c) {
      plain = false;
      break;
    }
  }
  if (plain) return buf.toString('latin1', start, end);
  let s = '';
  for (let i = start; i < end; i++) {
    const c = buf[i]!;
    if (c === 0x2e || c === 0x5c) s += '\\' + String.fromCharCode(c);
    else if (c <= 0x20 || c >= 0x7f) s += '\\' + String(c).padStart(3, '0');
    else s += String.fromCharCode(c);
  }
  return s;
}

/**
 * Reads the name at `offset`, following compression pointers (bounded). Returns undefined for a malformed
 * name: out of bounds, pointer loop, over 255 bytes, or reserved label types.
 */
export function readName(buf: Buffer, offset: number, out: NameResult = scratch): NameResult | undefined {
  let pos = offset;
  let end = -1;
  let jumps = 0;
  let wire = 1;
  let w = 0;
  let plain = true;
  let upper = false;
  for (;;) {
    if (pos >= buf.length) return undefined;
    const len = buf[pos]!;
    if (len === 0) {
      if (end < 0) end = pos + 1;
      break;
    }
    const kind = len & 0xc0;
    if (kind === 0xc0) {
      if (pos + 1 >= buf.length || ++jumps > MAX_POINTER_JUMPS) return undefined;
      if (end < 0) end = pos + 2;
      pos = ((len & 0x3f) << 8) | buf[pos + 1]!;
      continue;
    }
    if (kind !== 0) return undefined;
    const start = pos + 1;
    const stop = start + len;
    if (stop > buf.length) return undefined;
    wire += len + 1;
    if (wire > MAX_NAME_WIRE) return undefined;
    if (w > 0) nameScratch[w++] = 0x2e;
    for (let i = start; i < stop; i++) {
      const c = buf[i]!;
      if (c <= 0x20 || c >= 0x7f || c === 0x2e || c === 0x5c) plain = false;
      else if (c >= 0x41 && c <= 0x5a) upper = true;
      nameScratch[w++] = c;
    }
    pos = stop;
  }
  out.spelled = plain ? nameScratch.toString('latin1', 0, w) : escapedName(buf, offset);
  // Most names arrive in lower case: then the key is the same string, not a copy.
  out.key = plain && !upper ? out.spelled : out.spelled.toLowerCase();
  out.end = end;
  out.wireLength = wire;
  return out;
}

/** One byte per character; the longest name (255 wire bytes) fits with room for the dots. */
const nameScratch = Buffer.alloc(512);

/** Presentation form with `\.`, `\\` and `\DDD` escapes (names that are not plain ASCII). */
function escapedName(buf: Buffer, offset: number): string {
  let pos = offset;
  let spelled = '';
  for (let guard = 0; guard < 256; guard++) {
    const len = buf[pos]!;
    if (len === 0) break;
    if ((len & 0xc0) === 0xc0) {
      pos = ((len & 0x3f) << 8) | buf[pos + 1]!;
      continue;
    }
    const label = labelText(buf, pos + 1, pos + 1 + len);
    spelled = spelled.length === 0 ? label : spelled + '.' + label;
    pos += len + 1;
  }
  return spelled;
}

/** Offset after the name at `offset` without decoding it, or -1 when malformed. */
export function skipName(buf: Buffer, offset: number): number {
  let pos = offset;
  for (let guard = 0; guard < 128; guard++) {
    if (pos >= buf.length) return -1;
    const len = buf[pos]!;
    if (len === 0) return pos + 1;
    if ((len & 0xc0) === 0xc0) return pos + 2 <= buf.length ? pos + 2 : -1;
    if ((len & 0xc0) !== 0) return -1;
    pos += len + 1;
  }
  return -1;
}

/** Copies the name at `offset` into `out` at `at` in uncompressed wire form; returns the new write offset or -1. */
export function copyNameUncompressed(buf: Buffer, offset: number, out: Buffer, at: number): number {
  let pos = offset;
  let w = at;
  let jumps = 0;
  for (;;) {
    if (pos >= buf.length) return -1;
    const len = buf[pos]!;
    if (len === 0) {
      if (w >= out.length) return -1;
      out[w++] = 0;
      return w;
    }
    if ((len & 0xc0) === 0xc0) {
      if (pos + 1 >= buf.length || ++jumps > MAX_POINTER_JUMPS) return -1;
      pos = ((len & 0x3f) << 8) | buf[pos + 1]!;
      continue;
    }
    if ((len & 0xc0) !== 0 || pos + 1 + len > buf.length || w + 1 + len >= out.length || w - at + len + 1 > MAX_NAME_WIRE) {
      return -1;
    }
    buf.copy(out, w, pos, pos + 1 + len);
    w += len + 1;
    pos += len + 1;
  }
}

/** Wire form of a presentation name (`a.b.c` -> 1a1b1c0); escapes `\.` and `\DDD` understood. */
export function encodeName(name: string): Buffer {
  const labels: number[][] = [];
  let cur: number[] = [];
  for (let i = 0; i < name.length; i++) {
    const ch = name.charCodeAt(i);
    if (ch === 0x5c && i + 1 < name.length) {
      const rest = name.slice(i + 1, i + 4);
      if (/^\d{3}$/.test(rest)) {
        cur.push(Number(rest) & 0xff);
        i += 3;
      } else {
        cur.push(name.charCodeAt(++i) & 0xff);
      }
    } else if (ch === 0x2e) {
      if (cur.length) labels.push(cur);
      cur = [];
    } else cur.push(ch & 0xff);
  }
  if (cur.length) labels.push(cur);
  const out: number[] = [];
  for (const l of labels) out.push(Math.min(l.length, 63), ...l.slice(0, 63));
  out.push(0);
  return Buffer.from(out);
}

/** What the forwarder needs from a query: read once on arrival. Reused object; copy what you keep. */
export interface QuestionInfo {
  id: number;
  flags: number;
  qdcount: number;
  ancount: number;
  nscount: number;
  arcount: number;
  key: string;
  spelled: string;
  qtype: number;
  qclass: number;
  /** Offset after the question section's first entry. */
  qEnd: number;
  /** Offset of the question name. */
  qStart: number;
}

export function newQuestionInfo(): QuestionInfo {
  return { id: 0, flags: 0, qdcount: 0, ancount: 0, nscount: 0, arcount: 0, key: '', spelled: '', qtype: 0, qclass: 0, qEnd: 0, qStart: HEADER_LEN };
}

/** Parses header and first question; false when the packet is too short or malformed. */
export function readQuestion(buf: Buffer, out: QuestionInfo): boolean {
  if (buf.length < HEADER_LEN) return false;
  out.id = buf.readUInt16BE(0);
  out.flags = buf.readUInt16BE(2);
  out.qdcount = buf.readUInt16BE(4);
  out.ancount = buf.readUInt16BE(6);
  out.nscount = buf.readUInt16BE(8);
  out.arcount = buf.readUInt16BE(10);
  if (out.qdcount === 0) return false;
  const n = readName(buf, HEADER_LEN);
  if (!n || n.end + 4 > buf.length) return false;
  out.key = n.key;
  out.spelled = n.spelled;
  out.qtype = buf.readUInt16BE(n.end);
  out.qclass = buf.readUInt16BE(n.end + 2);
  out.qEnd = n.end + 4;
  out.qStart = HEADER_LEN;
  return true;
}

/** Offset of the TYPE field of the query's OPT record (EDNS0) in its additional section, or -1. */
export function optOffset(buf: Buffer, q: QuestionInfo): number {
  if (q.arcount === 0) return -1;
  let pos = q.qEnd;
  const total = q.ancount + q.nscount + q.arcount;
  for (let i = 0; i < total; i++) {
    pos = skipName(buf, pos);
    if (pos < 0 || pos + 10 > buf.length) return -1;
    const type = buf.readUInt16BE(pos);
    const rdlen = buf.readUInt16BE(pos + 8);
    if (i >= q.ancount + q.nscount && type === 41) return pos;
    pos += 10 + rdlen;
  }
  return -1;
}

/** True when the query carries an OPT record in its additional section (EDNS0). */
export function hasOpt(buf: Buffer, q: QuestionInfo): boolean {
  return optOffset(buf, q) >= 0;
}
