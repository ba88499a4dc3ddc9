/**
 * The sockets queries are forwarded from: a pool of UDP sockets per address family, each bound by the kernel
 * to a random port. Every forward picks one at random, and a socket that has carried `rotateAfter` forwards is
 * replaced by a fresh one (new random port) as soon as none of its forwards is pending, so source ports keep
 * changing without the cost of a socket per query. Replies are accepted only on the socket a query left from.
 */
import type dgram from 'node:dgram';
import { BatchReceiver, resumeDgramReading, socketFd, stopDgramReading, type BatchSlots } from './batch-receiver.js';
import { randomBelow } from './random-ids.js';
import { bindUdp, createUdpSocket } from './udp-sockets.js';

export type UpstreamMessage = (socketIndex: number, buf: Buffer, address: string, port: number) => void;


export class UpstreamPool {
  private readonly sockets: (dgram.Socket | undefined)[] = [];
  private readonly fds: number[] = [];
  /** Native readiness watches (undefined where node:dgram reads the socket), stopped before their socket closes. */
  private readonly watches: unknown[] = [];
  private readonly uses: number[] = [];
  private readonly pending: number[] = [];
  private closed = false;

  constructor(
    private readonly perFamily: number,
    private readonly onMessage: UpstreamMessage,
    private readonly rotateAfter = 256,
    private readonly slots?: BatchSlots,
  ) {}

  async open(family: 4 | 6): Promise<void> {
    const base = family === 4 ? 0 : this.perFamily;
    for (let i = 0; i < this.perFamily; i++) await this.openAt(base + i, family);
  }

  private async openAt(index: number, family: 4 | 6): Promise<void> {
    const socket = createUdpSocket(family);
    socket.on('error', () => undefined);
    await bindUdp(socket, 0);
    if (this.closed) {
      socket.close();
      return;
    }
    const fd = this.slots ? socketFd(socket) : -1;
    const batch = this.slots && fd >= 0 ? new BatchReceiver(this.slots, socket, fd, (buf, address, port) => this.onMessage(index, buf, address, port)) : undefined;
    socket.on('message', (buf, rinfo) => {
      if (batch) batch.receive(buf, rinfo.address, rinfo.port);
      else this.onMessage(index, buf, rinfo.address, rinfo.port);
    });
    this.watches[index] = batch ? this.watch(socket, fd, batch) : undefined;
    this.sockets[index] = socket;
    this.fds[index] = fd;
    this.uses[index] = 0;
    this.pending[index] = 0;
  }

  /** Replies are read natively in batches, none by node:dgram; undefined when that cannot be set up. */
  private watch(socket: dgram.Socket, fd: number, batch: BatchReceiver): unknown {
    if (!stopDgramReading(socket)) return undefined;
    try {
      return this.slots!.binding.watch(fd, batch.receiveWaiting);
    } catch {
      resumeDgramReading(socket);
      return undefined;
    }
  }

  private unwatch(index: number): void {
    const watch = this.watches[index];
    this.watches[index] = undefined;
    if (watch !== undefined) this.slots!.binding.unwatch(watch);
  }

  /** A random open socket index for `family` (counted as in use until `release`), or -1. */
  acquire(family: 4 | 6): number {
    const base = family === 4 ? 0 : this.perFamily;
    const start = randomBelow(this.perFamily);
    for (let k = 0; k < this.perFamily; k++) {
      const index = base + ((start + k) % this.perFamily);
      if (!this.sockets[index]) continue;
      this.uses[index]!++;
      this.pending[index]!++;
      return index;
    }
    return -1;
  }

  /** The forward that used `index` is over; a worn-out idle socket is replaced. */
  release(index: number): void {
    if (index < 0 || this.pending[index] === undefined) return;
    this.pending[index]!--;
    const socket = this.sockets[index];
    if (!socket || this.closed || this.pending[index]! > 0 || this.uses[index]! < this.rotateAfter) return;
    this.sockets[index] = undefined;
    const family = index < this.perFamily ? 4 : 6;
    this.unwatch(index);
    socket.close();
    void this.openAt(index, family).catch(() => undefined);
  }

  /** Sends the first `length` bytes of `buf` from socket `index`. */
  send(index: number, buf: Buffer, length: number, port: number, address: string): void {
    const fd = this.fds[index]!;
    const to = fd >= 0 ? this.slots!.sockaddrs.get(address, port) : undefined;
    if (to) this.slots!.binding.sendTo(fd, buf, to, length);
    else this.sockets[index]?.send(buf, 0, length, port, address);
  }

  /** The local port of socket `index` (tests). */
  portOf(index: number): number | undefined {
    return this.sockets[index]?.address().port;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (let i = 0; i < this.watches.length; i++) this.unwatch(i);
    await Promise.all(this.sockets.map((s) => (s ? new Promise<void>((r) => s.close(() => r())) : undefined)));
    this.sockets.length = 0;
  }
}
