// A TCP upstream with scripted misbehaviour: it reads framed queries and answers each with raw bytes
// (or not at all), so the forwarder's TCP path meets silence, junk frames and abrupt closes.
import * as net from 'node:net';
import { TcpFramer } from '../differential/tcp-framing.js';

/** What to do with one framed query: bytes to write (unframed, as is), and whether to close afterwards. */
export type TcpReplier = (query: Buffer) => { write?: Buffer; close?: boolean };

export class RawTcpUpstream {
  port = 0;
  received = 0;
  private readonly server: net.Server;
  private readonly sockets = new Set<net.Socket>();

  constructor(replier: TcpReplier) {
    this.server = net.createServer((sock) => {
      this.sockets.add(sock);
      sock.on('close', () => this.sockets.delete(sock));
      sock.on('error', () => sock.destroy());
      const framer = new TcpFramer();
      sock.on('data', (chunk) => {
        for (const q of framer.push(chunk)) {
          this.received++;
          const { write, close } = replier(q);
          if (write && !sock.destroyed) sock.write(write);
          if (close) sock.destroy();
        }
      });
    });
  }

  /** Listens on `port` (the UDP side's port, so one ADDR#PORT serves both). */
  async start(port: number): Promise<this> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => resolve());
    });
    this.port = port;
    return this;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
