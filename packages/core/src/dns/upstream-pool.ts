/**
 * The sockets queries are forwarded from: a pool of UDP sockets per address family, each bound to its own
 * random port by the kernel; every forward picks one at random, so the source port varies per query and
 * replies are only accepted on the socket the query left from.
 */
import type dgram from 'node:dgram';
import { randomBelow } from './random-ids.js';
import { bindUdp, createUdpSocket } from './udp-sockets.js';

export type UpstreamMessage = (socketIndex: number, buf: Buffer, rinfo: dgram.RemoteInfo) => void;

export class UpstreamPool {
  private readonly sockets: (dgram.Socket | undefined)[] = [];

  constructor(private readonly perFamily: number, private readonly onMessage: UpstreamMessage) {}

  async open(family: 4 | 6): Promise<void> {
    const base = family === 4 ? 0 : this.perFamily;
    for (let i = 0; i < this.perFamily; i++) {
      const socket = createUdpSocket(family);
      const index = base + i;
      socket.on('message', (buf, rinfo) => this.onMessage(index, buf, rinfo));
      socket.on('error', () => undefined);
      await bindUdp(socket, 0);
      this.sockets[index] = socket;
    }
  }

  /** A random socket index for `family`, or -1 when that family was not opened. */
  pick(family: 4 | 6): number {
    const index = (family === 4 ? 0 : this.perFamily) + randomBelow(this.perFamily);
    return this.sockets[index] ? index : -1;
  }

  send(index: number, buf: Buffer, port: number, address: string): void {
    this.sockets[index]?.send(buf, port, address);
  }

  async close(): Promise<void> {
    await Promise.all(
      this.sockets.map((s) => (s ? new Promise<void>((r) => s.close(() => r())) : undefined)),
    );
    this.sockets.length = 0;
  }
}
