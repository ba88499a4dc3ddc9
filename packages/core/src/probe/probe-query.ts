// Sends one probe query over UDP and classifies what came back. A reply counts only when it comes
// from the server's exact address and port and carries our random ID and our question.
import * as dgram from 'node:dgram';
import { randomInt } from 'node:crypto';
import * as dnsPacket from 'dns-packet';
import type { ProbeTarget } from './probe-target.js';

export type ProbeOutcome = 'answer' | 'nodata' | 'nxdomain' | 'servfail' | 'refused' | 'timeout' | 'truncated' | 'other';

export interface ProbeResult {
  outcome: ProbeOutcome;
  /** Milliseconds until the reply, or until the timeout. */
  latencyMs: number;
  /** Data of the answer records in order, `dig +short` style (CNAME targets, then addresses). */
  answers: string[];
  rcode?: string;
}

export interface ProbeQuery {
  name: string;
  type: string;
  timeoutMs: number;
}

function recordText(a: dnsPacket.Answer): string {
  const data = (a as { data?: unknown }).data;
  if (Array.isArray(data)) return data.map((d) => (Buffer.isBuffer(d) ? d.toString('latin1') : String(d))).join(' ');
  if (Buffer.isBuffer(data)) return data.toString('hex');
  if (data && typeof data === 'object') return Object.values(data).join(' ');
  return String(data);
}

function classify(reply: dnsPacket.DecodedPacket, type: string): Pick<ProbeResult, 'outcome' | 'answers' | 'rcode'> {
  const rcode = String((reply as { rcode?: string }).rcode ?? 'NOERROR');
  const answers = (reply.answers ?? []).map(recordText);
  if (((reply.flags ?? 0) & dnsPacket.TRUNCATED_RESPONSE) !== 0) return { outcome: 'truncated', answers, rcode };
  if (rcode === 'NXDOMAIN') return { outcome: 'nxdomain', answers, rcode };
  if (rcode === 'SERVFAIL') return { outcome: 'servfail', answers, rcode };
  if (rcode === 'REFUSED') return { outcome: 'refused', answers, rcode };
  if (rcode !== 'NOERROR') return { outcome: 'other', answers, rcode };
  const wanted = (reply.answers ?? []).some((a) => a.type === type || type === 'ANY');
  return { outcome: wanted ? 'answer' : 'nodata', answers, rcode };
}

function sameQuestion(reply: dnsPacket.DecodedPacket, q: ProbeQuery): boolean {
  const got = reply.questions?.[0];
  return !!got && got.type === q.type && got.name.toLowerCase() === q.name.toLowerCase().replace(/\.$/, '');
}

export function probeOnce(target: ProbeTarget, q: ProbeQuery): Promise<ProbeResult> {
  const id = randomInt(0, 65536);
  const packet = dnsPacket.encode({
    type: 'query',
    id,
    flags: dnsPacket.RECURSION_DESIRED,
    questions: [{ name: q.name, type: q.type as dnsPacket.RecordType, class: 'IN' }],
  });
  const t0 = process.hrtime.bigint();
  const elapsed = () => Number(process.hrtime.bigint() - t0) / 1e6;
  return new Promise((resolve) => {
    const sock = dgram.createSocket({ type: target.family === 6 ? 'udp6' : 'udp4' });
    let done = false;
    const finish = (r: ProbeResult) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      sock.close();
      resolve(r);
    };
    const timer = setTimeout(() => finish({ outcome: 'timeout', latencyMs: elapsed(), answers: [] }), q.timeoutMs);
    sock.on('message', (msg, rinfo) => {
      if (rinfo.address !== target.address || rinfo.port !== target.port) return;
      let reply: dnsPacket.DecodedPacket;
      try {
        reply = dnsPacket.decode(msg);
      } catch {
        return; // garbage is ignored like a spoofed reply: keep waiting until the timeout
      }
      if (reply.id !== id || reply.type !== 'response' || !sameQuestion(reply, q)) return;
      finish({ ...classify(reply, q.type), latencyMs: elapsed() });
    });
    sock.on('error', () => finish({ outcome: 'timeout', latencyMs: elapsed(), answers: [] }));
    sock.send(packet, target.port, target.address);
  });
}
