/**
 * `--edns-packet-max` and the UDP payload sizes in OPT records, as measured on dnsmasq 2.90 (2026-11-26,
 * client sizes 100..4096, upstream sizes 100 and 4000, packet-max 0..70000):
 * - the option is read modulo 65536, and anything under 512 counts as 512 (0 and 65536 give 512, 70000 gives 4464);
 * - a forwarded query's OPT carries the client's size, raised to 512 and capped at packet-max;
 * - an upstream reply's OPT reaches the client capped at packet-max (a smaller size passes unchanged), even for a
 *   client that sent no OPT;
 * - dnsmasq's own answers (cache, --address, errors) carry packet-max.
 */
export const DEFAULT_EDNS_PACKET_MAX = 1232;
const MIN_EDNS_SIZE = 512;

/** The size dnsmasq works with for `--edns-packet-max=value`. */
export function effectivePacketMax(value: number): number {
  return Math.max(MIN_EDNS_SIZE, ((value % 65536) + 65536) % 65536);
}

/** Clamps the size of the OPT record whose TYPE field is at `typeAt` in a query about to be forwarded. */
export function clampForwardedOpt(query: Buffer, typeAt: number, packetMax: number): void {
  const size = query.readUInt16BE(typeAt + 2);
  query.writeUInt16BE(Math.min(Math.max(size, MIN_EDNS_SIZE), packetMax), typeAt + 2);
}

/** Caps the size of the OPT record in an upstream reply (`classAt`: its CLASS field) at packet-max. */
export function capReplyOpt(reply: Buffer, classAt: number, packetMax: number): void {
  if (reply.readUInt16BE(classAt) > packetMax) reply.writeUInt16BE(packetMax, classAt);
}

/**
 * The longest upstream reply dnsmasq reads: its packet buffer is packet-max plus room for one name and one
 * record's fixed fields (1025 + 10 bytes). A longer reply arrives cut short and is answered SERVFAIL (measured
 * on dnsmasq 2.90, 2026-12-07: 2,267 bytes pass and 2,268 fail at the default 1232; 5,131 and 5,132 at 4096).
 * Shorter replies reach clients whole, EDNS or not, without TC.
 */
export function maxUpstreamReply(packetMax: number): number {
  return packetMax + 1025 + 10;
}
