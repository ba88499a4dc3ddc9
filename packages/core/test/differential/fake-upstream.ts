// A scriptable fake upstream resolver: UDP and TCP on one loopback port (see scenario-format.ts).
import * as dgram from 'node:dgram';
import * as net from 'node:net';
import * as dnsPacket from 'dns-packet';
import type { UpstreamResponse, UpstreamScript } from './scenario-format.js';
import { ScriptCursor, substituteQname } from './upstream-script.js';
import { headerFlags, toWireRecord } from './record-codec.js';
import { TcpFramer, frame } from './tcp-framing.js';

export interface ReceivedQuery {
  at: number;
  transport: 'udp' | 'tcp';
  id: number;
  rd: boolean;
  name: string;
  type: string;
  edns: boolean;
  from: string;
}

type Send = (reply: Buffer, response: UpstreamResponse) => void;

export class FakeUpstream {
  readonly received: ReceivedQuery[] = [];
  /** Scripted responses that could not be encoded for the query that picked them (they were dropped). */
  readonly encodeErrors: string[] = [];
  port = 0;
  private cursor: ScriptCursor;
  private udp?: dgram.Socket;
  private udpOther?: dgram.Socket;
  private tcp?: net.Server;
  private readonly sockets = new Set<net.Socket>();
  private readonly timers = new Set<NodeJS.Timeout>();

  host: string;
  private readonly fixedPort: number;

  constructor(script: UpstreamScript, host = script.host ?? '127.0.0.1') {
    this.cursor = new ScriptCursor(script);
    this.host = host;
    this.fixedPort = script.port ?? 0;
  }

  setScript(script: UpstreamScript): void {
    this.cursor = new ScriptCursor(script);
  }

  /** Binds UDP on a free port and TCP on the same one; retries when that TCP port is taken. */
  async start(): Promise<this> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.bindOnce();
      } catch (e) {
        await this.stop();
        if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt >= 20) throw e;
      }
    }
  }

  private async bindOnce(): Promise<this> {
    const family = this.host.includes(':') ? 'udp6' : 'udp4';
    const udp = (this.udp = dgram.createSocket(family));
    await new Promise<void>((resolve, reject) => {
      udp.once('error', reject);
      udp.bind(this.fixedPort, this.host, () => resolve());
    });
    this.port = udp.address().port;
    const other = (this.udpOther = dgram.createSocket(family));
    await new Promise<void>((resolve) => other.bind(0, this.host, () => resolve()));
    udp.on('message', (msg, rinfo) => {
      const send: Send = (reply, r) => (r.wrong_port ? other : udp).send(reply, rinfo.port, rinfo.address);
      this.handle(msg, 'udp', `${rinfo.address}#${rinfo.port}`, send);
    });
    const tcp = (this.tcp = net.createServer((sock) => this.acceptTcp(sock)));
    await new Promise<void>((resolve, reject) => {
      tcp.once('error', reject);
      tcp.listen(this.port, this.host, () => resolve());
    });
    return this;
  }

  private acceptTcp(sock: net.Socket): void {
    this.sockets.add(sock);
    sock.on('close', () => this.sockets.delete(sock));
    sock.on('error', () => sock.destroy());
    const framer = new TcpFramer();
    sock.on('data', (chunk) => {
      for (const msg of framer.push(chunk)) {
        const send: Send = (reply) => {
          if (!sock.destroyed) sock.write(frame(reply));
        };
        this.handle(msg, 'tcp', `${sock.remoteAddress}#${sock.remotePort}`, send);
      }
    });
  }

  private handle(msg: Buffer, transport: 'udp' | 'tcp', from: string, send: Send): void {
    let query: dnsPacket.DecodedPacket;
    try {
      query = dnsPacket.decode(msg);
    } catch {
      return;
    }
    const q = query.questions?.[0] ?? { name: '', type: 'A' as const };
    const edns = (query.additionals ?? []).some((a) => a.type === 'OPT');
    const flags = query.flags ?? 0;
    this.received.push({ at: Date.now(), transport, id: query.id ?? 0, rd: (flags & dnsPacket.RECURSION_DESIRED) !== 0, name: q.name, type: q.type, edns, from });
    const response = this.cursor.pick(q.name, q.type, transport);
    if (response.drop) return;
    let reply: Buffer;
    try {
      reply = this.build(query, q, substituteQname(response, q.name), edns);
    } catch (e) {
      // a script whose data does not fit the query type (e.g. an address for MX): never answer, never throw
      this.encodeErrors.push(`${q.name} ${q.type}: ${(e as Error).message}`);
      return;
    }
    const forged = transport === 'udp' ? (response.forged ?? []) : [];
    const fire = () => {
      for (const f of forged) {
        try {
          send(this.shape(this.build(query, q, substituteQname(f, q.name), edns), f), f);
        } catch (e) {
          this.encodeErrors.push(`${q.name} ${q.type} (forged): ${(e as Error).message}`);
        }
      }
      send(this.shape(reply, response), response);
    };
    if (!response.delay_ms) return fire();
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fire();
    }, response.delay_ms);
    this.timers.add(timer);
  }

  /** Faults applied to an encoded reply: cut short, or a valid header over bytes that decode to nothing. */
  private shape(reply: Buffer, r: UpstreamResponse): Buffer {
    if (r.garbage) return Buffer.concat([reply.subarray(0, 4), Buffer.from([0, 1, 0, 3, 0, 0, 0, 0]), Buffer.alloc(20, 0xc0)]);
    return r.truncate_to === undefined ? reply : reply.subarray(0, r.truncate_to);
  }

  private build(query: dnsPacket.DecodedPacket, q: dnsPacket.Question, r: UpstreamResponse, edns: boolean): Buffer {
    const flags = query.flags ?? 0;
    const question = r.question ? { name: r.question.name, type: r.question.type ?? q.type, class: q.class } : q;
    const additionals = (r.additional ?? []).map((a) => toWireRecord(a, 'A'));
    if (edns && r.echo_edns !== false) additionals.push({ type: 'OPT', name: '.', udpPayloadSize: 1232 } as dnsPacket.Answer);
    return dnsPacket.encode({
      type: 'response',
      id: ((query.id ?? 0) ^ (r.id_xor ?? 0)) & 0xffff,
      flags: headerFlags({
        opcode: (flags >> 11) & 0xf,
        aa: r.aa,
        tc: r.tc,
        rd: (flags & dnsPacket.RECURSION_DESIRED) !== 0,
        ra: r.ra ?? true,
        ad: r.ad,
        cd: (flags & dnsPacket.CHECKING_DISABLED) !== 0,
        rcode: r.rcode,
      }),
      questions: r.no_question ? [] : [question as dnsPacket.Question],
      answers: (r.answers ?? []).map((a) => toWireRecord(a, q.type)),
      authorities: (r.authority ?? []).map((a) => toWireRecord(a, q.type)),
      additionals,
    });
  }

  async stop(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    for (const s of this.sockets) s.destroy();
    const closeUdp = (s?: dgram.Socket) => new Promise<void>((resolve) => {
      if (!s) return resolve();
      try {
        s.close(() => resolve());
      } catch {
        resolve(); // already closed
      }
    });
    const tcp = this.tcp;
    await Promise.all([
      closeUdp(this.udp),
      closeUdp(this.udpOther),
      new Promise<void>((resolve) => (tcp?.listening ? tcp.close(() => resolve()) : resolve())),
    ]);
    this.udp = this.udpOther = this.tcp = undefined;
  }
}
