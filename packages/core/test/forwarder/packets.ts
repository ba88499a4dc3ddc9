/** Builds DNS packets for forwarder tests with dns-packet (tests only; the runtime reads bytes by hand). */
import dnsPacket from 'dns-packet';

export type Answer = dnsPacket.Answer;

export function query(name: string, type: string, opts: { id?: number; rd?: boolean; cls?: string } = {}): Buffer {
  return dnsPacket.encode({
    type: 'query',
    id: opts.id ?? 4242,
    flags: opts.rd === false ? 0 : dnsPacket.RECURSION_DESIRED,
    questions: [{ name, type: type as dnsPacket.RecordType, class: (opts.cls ?? 'IN') as dnsPacket.RecordClass }],
  });
}

export function reply(
  q: Buffer,
  opts: { rcode?: string; answers?: Answer[]; authorities?: Answer[]; tc?: boolean } = {},
): Buffer {
  const decoded = dnsPacket.decode(q);
  const rcodes: Record<string, number> = { NOERROR: 0, FORMERR: 1, SERVFAIL: 2, NXDOMAIN: 3, NOTIMP: 4, REFUSED: 5 };
  const flags = 0x8000 | 0x0100 | 0x0080 | (opts.tc ? 0x0200 : 0) | (rcodes[opts.rcode ?? 'NOERROR'] ?? 0);
  return dnsPacket.encode({
    type: 'response',
    id: decoded.id,
    flags,
    questions: decoded.questions,
    answers: opts.answers ?? [],
    authorities: opts.authorities ?? [],
  });
}

export const a = (name: string, ttl: number, data: string): Answer => ({ name, type: 'A', ttl, class: 'IN', data });
export const aaaa = (name: string, ttl: number, data: string): Answer => ({ name, type: 'AAAA', ttl, class: 'IN', data });
export const cname = (name: string, ttl: number, data: string): Answer => ({ name, type: 'CNAME', ttl, class: 'IN', data });
export const soa = (name: string, ttl: number, minimum: number): Answer => ({
  name,
  type: 'SOA',
  ttl,
  class: 'IN',
  data: { mname: `ns1.${name}`, rname: `hostmaster.${name}`, serial: 1, refresh: 3600, retry: 600, expire: 86400, minimum },
});

/** A decoded record, flattened for assertions. */
export interface Rec {
  readonly name: string;
  readonly type: string;
  readonly ttl: number;
  readonly data: unknown;
}

export interface Decoded {
  readonly id: number;
  readonly flag_tc: boolean;
  readonly questions: readonly { readonly name: string; readonly type: string }[];
  readonly answers: readonly Rec[];
  readonly authorities: readonly Rec[];
}

export function decode(buf: Buffer): Decoded {
  return dnsPacket.decode(buf) as unknown as Decoded;
}

export function rcodeOf(buf: Buffer): number {
  return buf.readUInt16BE(2) & 0xf;
}
