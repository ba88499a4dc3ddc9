/**
 * The sockets queries are forwarded from, as dnsmasq does it: each forward opens its own UDP socket on a
 * random port just before it sends and closes it when it is over, so a port learned from one forward says
 * nothing about the next, and nothing that arrived before a query left can be taken for its reply.
 *
 * With the native binding the sockets are raw descriptors in one epoll set, and one readiness watch on the set
 * reads the replies of every open forward in batches; without it each forward has a node:dgram socket.
 * A forward's socket is known by a handle that is never reused (descriptor numbers are).
 */
import type dgram from 'node:dgram';
import type { BatchSlots } from './batch-receiver.js';
import { randomBelow } from './random-ids.js';
import { createUdpSocket } from './udp-sockets.js';

/** `oversize`: the datagram was longer than a reply may be; `buf` holds its beginning only. */
export type UpstreamMessage = (handle: number, buf: Buffer, address: string, port: number, oversize: boolean) => void;

/** dnsmasq's default source port range (`--min-port`, `--max-port`). */
export const MIN_SOURCE_PORT = 1024;
export const MAX_SOURCE_PORT = 65535;
/** Random ports tried before the kernel is left to pick one. */
const PORT_TRIES = 8;
const EADDRINUSE = 98;
const EACCES = 13;
const AF_INET = 2;

interface NativeSocket {
  readonly fd: number;
}

export class ForwardSockets {
  private nextHandle = 1;
  /** handle -> native descriptor, or the node:dgram socket. */
  private readonly native = new Map<number, NativeSocket>();
  private readonly dgrams = new Map<number, dgram.Socket>();
  /** descriptor -> handle of the socket that holds it now. */
  private readonly handleOfFd = new Map<number, number>();
  private set = -1;
  private watch: unknown;
  private closed = false;
  /** Handles of the batch being read, taken before any of it is handled (a handler may close and reopen fds). */
  private readonly handles: Int32Array;
  private readonly fds: Int32Array;

  /** `maxReply`: the longest reply accepted (longer ones are reported as oversize). */
  constructor(
    private readonly onMessage: UpstreamMessage,
    private readonly maxReply: number,
    private readonly slots?: BatchSlots,
  ) {
    const n = slots?.capacity ?? 0;
    this.handles = new Int32Array(n);
    this.fds = new Int32Array(n);
    if (!slots) return;
    const set = slots.binding.pollSet();
    if (set < 0) return;
    try {
      this.watch = slots.binding.watch(set, this.drain);
      this.set = set;
    } catch {
      slots.binding.closeFd(set);
    }
  }

  /** How many forward sockets are open. */
  get openCount(): number {
    return this.native.size + this.dgrams.size;
  }

  /** A fresh socket of `family` on a random port, for one forward; its handle, or -1 when none can be opened. */
  acquire(family: 4 | 6): number {
    if (this.closed) return -1;
    const handle = this.nextHandle++;
    if (this.set >= 0) {
      const fd = this.openNative(family);
      if (fd < 0) return -1;
      if (this.slots!.binding.pollAdd(this.set, fd) < 0) {
        this.slots!.binding.closeFd(fd);
        return -1;
      }
      this.native.set(handle, { fd });
      this.handleOfFd.set(fd, handle);
      return handle;
    }
    const socket = createUdpSocket(family);
    socket.on('error', () => undefined);
    socket.on('message', (buf, rinfo) => this.onMessage(handle, buf, rinfo.address, rinfo.port, buf.length > this.maxReply));
    // Bound by its first send, to a port the kernel picks at random.
    this.dgrams.set(handle, socket);
    return handle;
  }

  private openNative(family: 4 | 6): number {
    const binding = this.slots!.binding;
    for (let i = 0; i < PORT_TRIES; i++) {
      const port = MIN_SOURCE_PORT + randomBelow(MAX_SOURCE_PORT - MIN_SOURCE_PORT + 1);
      const fd = binding.openUdp(family, port);
      if (fd >= 0) return fd;
      if (fd !== -EADDRINUSE && fd !== -EACCES) return fd;
    }
    return binding.openUdp(family, 0);
  }

  /** The forward that used `handle` is over: its socket closes, and whatever reaches its port later is refused by the kernel. */
  release(handle: number): void {
    if (handle < 0) return;
    const n = this.native.get(handle);
    if (n) {
      this.native.delete(handle);
      if (this.handleOfFd.get(n.fd) === handle) this.handleOfFd.delete(n.fd);
      this.slots!.binding.closeFd(n.fd);
      return;
    }
    const socket = this.dgrams.get(handle);
    if (!socket) return;
    this.dgrams.delete(handle);
    socket.close();
  }

  /** Sends the first `length` bytes of `buf` from socket `handle`. */
  send(handle: number, buf: Buffer, length: number, port: number, address: string): void {
    const n = this.native.get(handle);
    if (n) {
      const to = this.slots!.sockaddrs.get(address, port);
      if (to) this.slots!.binding.sendTo(n.fd, buf, to, length);
      return;
    }
    this.dgrams.get(handle)?.send(buf, 0, length, port, address);
  }

  /** The local port of socket `handle` (tests and diagnostics). */
  portOf(handle: number): number | undefined {
    const n = this.native.get(handle);
    if (n) {
      const port = this.slots!.binding.localPort(n.fd);
      return port >= 0 ? port : undefined;
    }
    const socket = this.dgrams.get(handle);
    try {
      return socket?.address().port;
    } catch {
      return undefined; // not bound before its first send
    }
  }

  /** Replies waiting on any forward socket, read batch by batch (the set's watch saw one readable). */
  private readonly drain = (): void => {
    const slots = this.slots!;
    if (slots.draining || this.closed) return;
    slots.draining = true;
    try {
      for (let round = 0; round < 4; round++) if (!this.batch(slots)) return;
    } finally {
      slots.draining = false;
      slots.outbox.flush();
    }
  };

  private batch(slots: BatchSlots): boolean {
    const { binding, data, tail, tailSize, lens, addrs, capacity } = slots;
    const slot = data.length / capacity;
    const n = binding.recvReady(this.set, data, slot, lens, addrs, this.fds, tail, tailSize);
    if (n <= 0) return false;
    for (let i = 0; i < n; i++) this.handles[i] = this.handleOfFd.get(this.fds[i]!) ?? -1;
    const addrSlot = binding.addrSlot;
    for (let i = 0; i < n; i++) {
      const len = lens[i]!;
      const handle = this.handles[i]!;
      if (handle < 0 || !this.native.has(handle)) continue;
      const off = i * addrSlot;
      const address = addrs.readUInt16LE(off) === AF_INET ? `${addrs[off + 4]}.${addrs[off + 5]}.${addrs[off + 6]}.${addrs[off + 7]}` : binding.ntop(addrs, i);
      const port = addrs.readUInt16BE(off + 2);
      // Longer than the slots (len -1): its beginning, enough for the header and question.
      const datagram = len < 0 ? data.subarray(i * slot, (i + 1) * slot) : len <= slot ? data.subarray(i * slot, i * slot + len) : Buffer.concat([data.subarray(i * slot, (i + 1) * slot), tail.subarray(i * tailSize, i * tailSize + len - slot)]);
      try {
        this.onMessage(handle, datagram, address, port, len < 0 || len > this.maxReply);
      } catch {
        // A reply that cannot be handled is dropped; the batch's others still are.
      }
    }
    slots.outbox.flush();
    return n === capacity;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const h of [...this.native.keys(), ...this.dgrams.keys()]) this.release(h);
    if (this.watch !== undefined) this.slots!.binding.unwatch(this.watch);
    this.watch = undefined;
    if (this.set >= 0) this.slots!.binding.closeFd(this.set);
    this.set = -1;
  }
}
