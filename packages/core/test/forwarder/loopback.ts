/** Loopback helpers for forwarder tests: a scriptable upstream (UDP + TCP) and a one-shot client. */
import dgram from 'node:dgram';
import net from 'node:net';
import type { Clock } from '../../src/dns/clock.js';
import { Forwarder, type ForwarderOptions } from '../../src/dns/forwarder.js';
import { withDefaults, type ForwarderConfig } from '../../src/dns/forwarder-config.js';
import { QueryLog } from '../../src/dns/querylog.js';

export interface Received {
  readonly buf: Buffer;
  readonly transport: 'udp' | 'tcp';
  readonly from: { address: string; port: number };
}

export type Answerer = (query: Buffer, transport: 'udp' | 'tcp') => Buffer | undefined;

export class TestUpstream {
  readonly received: Received[] = [];
  private udp = dgram.createSocket('udp4');
  private tcp = net.createServer((sock) => this.serveTcp(sock));
  /** Replies sent from this other socket instead (a spoofed source port). */
  readonly spoof = dgram.createSocket('udp4');
  port = 0;
  useSpoofSocket = false;

  constructor(public answer: Answerer) {}

  async start(): Promise<this> {
    // UDP and TCP on the same port: a random UDP port's TCP twin may be taken (e.g. by an outgoing
    // connection's ephemeral port), so another UDP port is tried then.
    for (let attempt = 0; ; attempt++) {
      await new Promise<void>((r) => this.udp.bind(0, '127.0.0.1', () => r()));
      this.port = this.udp.address().port;
      const listening = await new Promise<boolean>((r) => {
        this.tcp.once('error', () => r(false));
        this.tcp.listen(this.port, '127.0.0.1', () => r(true));
      });
      if (listening) break;
      if (attempt >= 20) throw new Error('no UDP port whose TCP twin is free');
      await new Promise<void>((r) => this.udp.close(() => r()));
      this.udp = dgram.createSocket('udp4');
      this.tcp = net.createServer((sock) => this.serveTcp(sock));
    }
    await new Promise<void>((r) => this.spoof.bind(0, '127.0.0.1', () => r()));
    this.udp.on('message', (buf, rinfo) => {
      this.received.push({ buf, transport: 'udp', from: { address: rinfo.address, port: rinfo.port } });
      const out = this.answer(buf, 'udp');
      if (out) (this.useSpoofSocket ? this.spoof : this.udp).send(out, rinfo.port, rinfo.address);
    });
    return this;
  }

  private serveTcp(sock: net.Socket): void {
    let acc = Buffer.alloc(0);
    sock.on('error', () => undefined);
    sock.on('data', (d) => {
      acc = Buffer.concat([acc, d]);
      while (acc.length >= 2 && acc.length >= 2 + acc.readUInt16BE(0)) {
        const msg = acc.subarray(2, 2 + acc.readUInt16BE(0));
        acc = acc.subarray(2 + msg.length);
        this.received.push({ buf: Buffer.from(msg), transport: 'tcp', from: { address: sock.remoteAddress!, port: sock.remotePort! } });
        const out = this.answer(msg, 'tcp');
        if (out) {
          const len = Buffer.alloc(2);
          len.writeUInt16BE(out.length);
          sock.write(Buffer.concat([len, out]));
        }
      }
    });
  }

  async stop(): Promise<void> {
    await Promise.all([
      new Promise<void>((r) => this.udp.close(() => r())),
      new Promise<void>((r) => this.spoof.close(() => r())),
      new Promise<void>((r) => this.tcp.close(() => r())),
    ]);
  }
}

export function askUdp(port: number, query: Buffer, timeoutMs = 1000, fromPort = 0): Promise<Buffer | null> {
  return new Promise((resolve) => {
    const sock = dgram.createSocket('udp4');
    const done = (b: Buffer | null): void => {
      clearTimeout(timer);
      sock.close();
      resolve(b);
    };
    const timer = setTimeout(() => done(null), timeoutMs);
    // As a stub resolver does, only the server asked can answer: a port the kernel hands out here may have been
    // a forward port of a parallel test, whose upstream (or attacker) still sends to it.
    sock.on('message', (b, from) => from.port === port && from.address === '127.0.0.1' && done(b));
    sock.bind(fromPort, '127.0.0.1', () => sock.send(query, port, '127.0.0.1'));
  });
}

export function askTcp(port: number, query: Buffer, timeoutMs = 2000): Promise<Buffer | null> {
  return new Promise((resolve) => {
    const sock = net.connect({ host: '127.0.0.1', port });
    let acc = Buffer.alloc(0);
    const done = (b: Buffer | null): void => {
      clearTimeout(timer);
      sock.destroy();
      resolve(b);
    };
    const timer = setTimeout(() => done(null), timeoutMs);
    sock.on('connect', () => {
      const len = Buffer.alloc(2);
      len.writeUInt16BE(query.length);
      sock.write(Buffer.concat([len, query]));
    });
    sock.on('data', (d) => {
      acc = Buffer.concat([acc, d]);
      if (acc.length >= 2 && acc.length >= 2 + acc.readUInt16BE(0)) done(acc.subarray(2, 2 + acc.readUInt16BE(0)));
    });
    sock.on('error', () => done(null));
  });
}

/** A started forwarder on 127.0.0.1 (random port) whose log lines land in `lines` (without the prefix). */
export async function startForwarder(
  partial: Parameters<typeof withDefaults>[0],
  clock?: Clock,
  options: Omit<ForwarderOptions, 'log' | 'clock'> = {},
): Promise<{ fwd: Forwarder; port: number; lines: string[]; config: ForwarderConfig }> {
  const config = withDefaults({ log: { queries: true, extra: false, facility: '-' }, ...partial });
  const lines: string[] = [];
  const log = new QueryLog(config.log, (text) => {
    for (const l of text.split('\n')) if (l) lines.push(l.replace(/^dnsmasq\[\d+\]: /, ''));
  });
  const fwd = new Forwarder(config, { log, ...options, ...(clock ? { clock } : {}) });
  await fwd.start();
  return { fwd, port: fwd.addresses[0]!.port, lines, config };
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
