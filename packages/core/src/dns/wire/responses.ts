/** Responses the forwarder writes itself: local answers, REFUSED, NOTIMP, and the emptied TC=1 reply. */
import { FLAG_AA, FLAG_CD, FLAG_QR, FLAG_RA, FLAG_RD, FLAG_TC, type QuestionInfo } from './wire.js';

export interface LocalRecord {
  readonly type: number;
  readonly cls: number;
  readonly ttl: number;
  readonly rdata: Buffer;
}

/** Header + the client's question + `answers` (owner = the question name), optional OPT for EDNS clients. */
export function localResponse(
  query: Buffer,
  q: QuestionInfo,
  rcode: number,
  aa: boolean,
  optSize: number,
  answers: readonly LocalRecord[] = [],
): Buffer {
  let size = q.qEnd + (optSize > 0 ? 11 : 0);
  for (const a of answers) size += 12 + a.rdata.length;
  const out = Buffer.allocUnsafe(size);
  out.writeUInt16BE(q.id, 0);
  out.writeUInt16BE(FLAG_QR | (q.flags & (FLAG_RD | FLAG_CD | 0x7800)) | FLAG_RA | (aa ? FLAG_AA : 0) | rcode, 2);
  out.writeUInt16BE(1, 4);
  out.writeUInt16BE(answers.length, 6);
  out.writeUInt16BE(0, 8);
  out.writeUInt16BE(optSize > 0 ? 1 : 0, 10);
  query.copy(out, 12, 12, q.qEnd);
  let w = q.qEnd;
  for (const a of answers) {
    out.writeUInt16BE(0xc00c, w);
    out.writeUInt16BE(a.type, w + 2);
    out.writeUInt16BE(a.cls, w + 4);
    out.writeUInt32BE(a.ttl, w + 6);
    out.writeUInt16BE(a.rdata.length, w + 10);
    a.rdata.copy(out, w + 12);
    w += 12 + a.rdata.length;
  }
  if (optSize > 0) {
    out[w] = 0;
    out.writeUInt16BE(41, w + 1);
    out.writeUInt16BE(optSize, w + 3);
    out.writeUInt32BE(0, w + 5);
    out.writeUInt16BE(0, w + 9);
  }
  return out;
}

/** The upstream's TC=1 reply with every section emptied (rcode and flags kept), as dnsmasq passes it on. */
export function truncatedReply(reply: Buffer, qEnd: number, clientId: number): Buffer {
  const end = qEnd > 12 && qEnd <= reply.length ? qEnd : 12;
  const out = Buffer.allocUnsafe(end);
  reply.copy(out, 0, 0, end);
  out.writeUInt16BE(clientId, 0);
  out.writeUInt16BE((reply.readUInt16BE(2) | FLAG_TC | FLAG_RA) & ~0x0020, 2);
  out.writeUInt16BE(end > 12 ? 1 : 0, 4);
  out.writeUInt32BE(0, 6);
  out.writeUInt16BE(0, 10);
  return out;
}

/** TXT rdata holding one string per element (each cut at 255 bytes). */
export function txtRdata(strings: readonly string[]): Buffer {
  const parts = strings.map((s) => {
    const b = Buffer.from(s, 'utf8').subarray(0, 255);
    return Buffer.concat([Buffer.from([b.length]), b]);
  });
  return Buffer.concat(parts);
}
