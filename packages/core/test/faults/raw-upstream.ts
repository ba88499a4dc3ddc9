// An upstream whose replies are computed by a function on raw bytes: garbage, floods, spoofs.
import * as dgram from 'node:dgram';

export type RawReplier = (query: Buffer, from: dgram.RemoteInfo) => { replies: Buffer[]; viaOtherPort?: boolean };

export class RawUpstream {
  port = 0;
  received = 0;
  private readonly sock = dgram.createSocket('udp4');
  private readonly other = dgram.createSocket('udp4');

  constructor(private readonly replier: RawReplier) {}

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.sock.bind(0, '127.0.0.1', () => resolve()));
    await new Promise<void>((resolve) => this.other.bind(0, '127.0.0.1', () => resolve()));
    this.port = this.sock.address().port;
    this.sock.on('message', (msg, rinfo) => {
      this.received++;
      const { replies, viaOtherPort } = this.replier(msg, rinfo);
      const out = viaOtherPort ? this.other : this.sock;
      for (const r of replies) out.send(r, rinfo.port, rinfo.address);
    });
    return this;
  }

  async stop(): Promise<void> {
    await Promise.all([this.sock, this.other].map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  }
}
