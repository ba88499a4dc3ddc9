// A test DNS client with control of ID, RD, class, EDNS, transport, source address and same-ID retransmissions.
import * as dgram from 'node:dgram';
import * as net from 'node:net';
import * as dnsPacket from 'dns-packet';
import type { ClientQuery } from './scenario-format.js';
import { headerFlags, summarise, type ResponseSummary } from './record-codec.js';
import { TcpFramer, frame } from './tcp-framing.js';

export interface QueryTarget {
  port: number;
  server?: string;
}

/** `response` is null when nothing valid arrived in time; `error` when the reply did not decode. */
export interface QueryResult {
  response: ResponseSummary | null;
  error?: string;
  elapsedMs: number;
  id: number;
}

export function encodeQuery(q: ClientQuery, id: number): Buffer {
  return dnsPacket.encode({
    type: 'query',
    id,
    flags: headerFlags({ rd: q.rd ?? true }),
    questions: [{ name: q.name, type: (q.type ?? 'A') as dnsPacket.RecordType, class: (q.class ?? 'IN') as dnsPacket.RecordClass }],
    additionals: q.edns ? [{ type: 'OPT', name: '.', udpPayloadSize: 1232 } as dnsPacket.Answer] : [],
  });
}

export function query(target: QueryTarget, q: ClientQuery): Promise<QueryResult> {
  const id = q.id ?? Math.floor(Math.random() * 65536);
  const packet = encodeQuery(q, id);
  return q.tcp ? queryTcp(target, q, id, packet) : queryUdp(target, q, id, packet);
}

function decodeResult(buf: Buffer, id: number, t0: number): QueryResult {
  try {
    return { response: summarise(buf), elapsedMs: Date.now() - t0, id };
  } catch (e) {
    return { response: null, error: String(e), elapsedMs: Date.now() - t0, id };
  }
}

function queryUdp(target: QueryTarget, q: ClientQuery, id: number, packet: Buffer): Promise<QueryResult> {
  const server = target.server ?? '127.0.0.1';
  const t0 = Date.now();
  return new Promise((resolve) => {
    const sock = dgram.createSocket(server.includes(':') ? 'udp6' : 'udp4');
    const timers: NodeJS.Timeout[] = [];
    let done = false;
    const finish = (r: QueryResult) => {
      if (done) return;
      done = true;
      timers.forEach(clearTimeout);
      sock.close();
      resolve(r);
    };
    timers.push(setTimeout(() => finish({ response: null, elapsedMs: Date.now() - t0, id }), q.timeoutMs ?? 1500));
    sock.on('message', (msg) => {
      if (msg.length >= 2 && msg.readUInt16BE(0) === id) finish(decodeResult(msg, id, t0));
    });
    sock.on('error', (e) => finish({ response: null, error: String(e), elapsedMs: Date.now() - t0, id }));
    sock.bind(q.srcPort ?? 0, q.srcIp, () => {
      sock.send(packet, target.port, server);
      for (const at of q.retransmitAtMs ?? []) {
        timers.push(setTimeout(() => done || sock.send(packet, target.port, server), at));
      }
    });
  });
}

function queryTcp(target: QueryTarget, q: ClientQuery, id: number, packet: Buffer): Promise<QueryResult> {
  const t0 = Date.now();
  return new Promise((resolve) => {
    const sock = net.connect({ host: target.server ?? '127.0.0.1', port: target.port, localAddress: q.srcIp });
    const framer = new TcpFramer();
    let done = false;
    const finish = (r: QueryResult) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      sock.destroy();
      resolve(r);
    };
    const timer = setTimeout(() => finish({ response: null, elapsedMs: Date.now() - t0, id }), q.timeoutMs ?? 1500);
    sock.on('connect', () => sock.write(frame(packet)));
    sock.on('data', (chunk) => {
      const [first] = framer.push(chunk);
      if (first) finish(decodeResult(first, id, t0));
    });
    sock.on('error', () => finish({ response: null, elapsedMs: Date.now() - t0, id }));
    sock.on('close', () => finish({ response: null, elapsedMs: Date.now() - t0, id }));
  });
}
