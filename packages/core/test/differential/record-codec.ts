// Converts between the scenario file's record notation and DNS wire messages (via dns-packet).
import * as dnsPacket from 'dns-packet';
import type { ScenarioRecord } from './scenario-format.js';

const RCODES = ['NOERROR', 'FORMERR', 'SERVFAIL', 'NXDOMAIN', 'NOTIMP', 'REFUSED', 'YXDOMAIN', 'YXRRSET', 'NXRRSET', 'NOTAUTH', 'NOTZONE'];

export function rcodeNumber(name: string | undefined): number {
  const i = RCODES.indexOf((name ?? 'NOERROR').toUpperCase());
  if (i < 0) throw new Error(`unknown rcode ${name}`);
  return i;
}

export interface HeaderBits {
  opcode?: number;
  aa?: boolean;
  tc?: boolean;
  rd?: boolean;
  ra?: boolean;
  ad?: boolean;
  cd?: boolean;
  rcode?: string;
}

/** The 15 low bits of the header's flag word (QR is set by dns-packet from `type`). */
export function headerFlags(h: HeaderBits): number {
  return (
    ((h.opcode ?? 0) << 11) |
    (h.aa ? dnsPacket.AUTHORITATIVE_ANSWER : 0) |
    (h.tc ? dnsPacket.TRUNCATED_RESPONSE : 0) |
    (h.rd ? dnsPacket.RECURSION_DESIRED : 0) |
    (h.ra ? dnsPacket.RECURSION_AVAILABLE : 0) |
    (h.ad ? dnsPacket.AUTHENTIC_DATA : 0) |
    (h.cd ? dnsPacket.CHECKING_DISABLED : 0) |
    rcodeNumber(h.rcode)
  );
}

/** A scenario record as dns-packet wants to encode it. */
export function toWireRecord(r: ScenarioRecord, defaultType: string): dnsPacket.Answer {
  const type = (r.type ?? defaultType).toUpperCase();
  let data = r.data;
  if (type === 'TXT') data = Array.isArray(data) ? data : [String(data)];
  else if (typeof data === 'string' && !['A', 'AAAA', 'CNAME', 'NS', 'PTR', 'DNAME'].includes(type) && /^[0-9a-f]*$/i.test(data)) {
    data = Buffer.from(data, 'hex');
  }
  return { name: r.name, type, class: 'IN', ttl: r.ttl ?? 300, data } as unknown as dnsPacket.Answer;
}

/** A decoded record in the scenario file's notation. */
export interface SummaryRecord {
  name: string;
  type: string;
  ttl: number;
  data: unknown;
}

export function fromWireRecord(a: dnsPacket.Answer): SummaryRecord {
  const rec = a as unknown as { name: string; type: string; ttl?: number; data?: unknown };
  let data = rec.data;
  if (rec.type === 'TXT' && Array.isArray(data)) data = data.map((b: Buffer | string) => (Buffer.isBuffer(b) ? b.toString('latin1') : b));
  else if (Buffer.isBuffer(data)) data = data.toString('hex');
  return { name: rec.name, type: rec.type, ttl: rec.ttl ?? 0, data };
}

/** What the comparison rules look at in a reply. */
export interface ResponseSummary {
  id: number;
  rcode: string;
  aa: boolean;
  tc: boolean;
  ra: boolean;
  rd: boolean;
  answers: SummaryRecord[];
  authority: SummaryRecord[];
  additional: SummaryRecord[];
  edns: boolean;
}

export function summarise(buf: Buffer): ResponseSummary {
  const p = dnsPacket.decode(buf);
  const flags = p.flags ?? 0;
  const additionals = p.additionals ?? [];
  return {
    id: p.id ?? 0,
    rcode: String((p as { rcode?: string }).rcode ?? 'NOERROR'),
    aa: (flags & dnsPacket.AUTHORITATIVE_ANSWER) !== 0,
    tc: (flags & dnsPacket.TRUNCATED_RESPONSE) !== 0,
    ra: (flags & dnsPacket.RECURSION_AVAILABLE) !== 0,
    rd: (flags & dnsPacket.RECURSION_DESIRED) !== 0,
    answers: (p.answers ?? []).map(fromWireRecord),
    authority: (p.authorities ?? []).map(fromWireRecord),
    additional: additionals.filter((a) => a.type !== 'OPT').map(fromWireRecord),
    edns: additionals.some((a) => a.type === 'OPT'),
  };
}
