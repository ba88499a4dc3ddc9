/**
 * The demo's flaky upstream, on 127.0.0.1 only: repo1.maven.org is a CNAME chain to sonatype.map.fastly.net whose
 * address is sometimes missing from the answer (NODATA without SOA), as the incident's upstream answered.
 */
import dgram from 'node:dgram';
import dnsPacket from 'dns-packet';

export type UpstreamMood = 'healthy' | 'flaky';

export const CHAIN = ['repo1.maven.org', 'central.maven.org', 'sonatype.map.fastly.net'] as const;
export const ADDRESS = '151.101.40.209';
/** Short, so the demo sees the address expire while the CNAME links stay cached. */
export const ADDRESS_TTL = 1;

export class FlakyUpstream {
  mood: UpstreamMood = 'healthy';
  queries = 0;
  private readonly socket = dgram.createSocket('udp4');

  async start(): Promise<number> {
    this.socket.on('message', (buf, rinfo) => this.answer(buf, rinfo));
    this.socket.on('error', () => undefined);
    await new Promise<void>((resolve) => this.socket.bind(0, '127.0.0.1', () => resolve()));
    return this.socket.address().port;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.socket.close(() => resolve()));
  }

  private answer(buf: Buffer, rinfo: dgram.RemoteInfo): void {
    let q: dnsPacket.Packet;
    try {
      q = dnsPacket.decode(buf);
    } catch {
      return;
    }
    this.queries++;
    const question = q.questions?.[0];
    if (!question) return;
    const answers: dnsPacket.Answer[] = [];
    if (question.name.toLowerCase() === CHAIN[0] && question.type === 'A') {
      answers.push({ name: CHAIN[0], type: 'CNAME', ttl: 300, class: 'IN', data: CHAIN[1] });
      answers.push({ name: CHAIN[1], type: 'CNAME', ttl: 120, class: 'IN', data: CHAIN[2] });
      if (this.mood === 'healthy') answers.push({ name: CHAIN[2], type: 'A', ttl: ADDRESS_TTL, class: 'IN', data: ADDRESS });
    }
    const out = dnsPacket.encode({ type: 'response', id: q.id, flags: 0x8180, questions: q.questions, answers });
    this.socket.send(out, rinfo.port, rinfo.address);
  }
}
