/** Turns an upstream reply into the client's: client ID, RA set, AD cleared, TTLs capped by `--max-ttl`. */
import { SECTION_ANSWER, type ParsedReply } from './reply-reader.js';
import { T_OPT } from './rr-types.js';
import { FLAG_AD, FLAG_RA } from './wire.js';

/** Caps answer-section TTLs in place (the packet is ours); dnsmasq leaves authority and additional TTLs alone. */
export function capTtls(buf: Buffer, reply: ParsedReply, maxTtl: number): void {
  if (maxTtl <= 0) return;
  for (const r of reply.records) {
    if (r.section === SECTION_ANSWER && r.type !== T_OPT && r.ttl > maxTtl) buf.writeUInt32BE(maxTtl, r.ttlOffset);
  }
}

/** A copy of `reply` addressed to one waiting client. */
export function forClient(reply: Buffer, clientId: number): Buffer {
  const out = Buffer.allocUnsafe(reply.length);
  reply.copy(out);
  return toClientInPlace(out, clientId);
}

/** Readdresses `reply` itself (when it goes to a single client). */
export function toClientInPlace(reply: Buffer, clientId: number): Buffer {
  reply.writeUInt16BE(clientId, 0);
  reply.writeUInt16BE((reply.readUInt16BE(2) | FLAG_RA) & ~FLAG_AD, 2);
  return reply;
}
