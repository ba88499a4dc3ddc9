/**
 * The sockets queries are forwarded from, as dnsmasq does it: each forward opens its own UDP socket on a
 * random port just before it sends and closes it when it is over, so a port learned from one forward says
 * nothing about the next, and nothing that arrived before a query left can be taken for its reply.
 *
 * With the native binding and io_uring, a forward's socket, send, wait for the reply and close are entries of
 * one ring, handed to the kernel once per batch of queries or replies: no system call per forward. Where the
 * ring cannot be set up (no io_uring, or a sandbox that forbids it), when its slots are all taken, or with a
 * --min-port/--max-port range (a port is picked and bound first), the sockets are raw descriptors in one epoll
 * set, and one readiness watch on the set reads the replies of every open forward in batches. Without the
 * binding each forward has a node:dgram socket. A forward's socket is known by a handle that is never reused
 * (descriptor numbers and ring slots are).
 */
import type dgram from 'node:dgram';
import type { UdpBatchRing } from '@kube-dns-tools/udp-batch';
import type { BatchSlots } from './batch-receiver.js';
import { randomBelow } from '../random-ids.js';
import { createUdpSocket } from './udp-sockets.js';

/** `oversize`: the datagram was longer than a reply may be; `buf` holds its beginning only. */
export type UpstreamMessage = (handle: number, buf: Buffer, address: string, port: number, oversize: boolean) => void;

/**
 * Where forwards' source ports come from: a range given by `--min-port`/`--max-port` is drawn from at random;
 * without one the kernel binds each socket at its first send to a random port of its ephemeral range, as
 * dnsmasq 2.90 leaves it to the kernel (measured: socket and sendto, no bind).
 */
export interface SourcePortRange {
  readonly min: number;
  readonly max: number;
}
/** Random ports of a range tried before the kernel is left to pick one. */
const PORT_TRIES = 8;
const EADDRINUSE = 98;
const EACCES = 13;
const AF_INET = 2;

/**
 * A native socket's handle is `serial * FD_SPAN + fd` (epoll path) or `serial * FD_SPAN + RING_BASE + slot`
 * (ring): never reused (the serial grows) and the descriptor or slot read back without a lookup. Descriptors
 * stop below 2^20, Linux's default hard limit on open files.
 */
const RING_BASE = 1 << 20;
const FD_SPAN = 1 << 21;
/**
 * Forward sockets the ring holds open at once; more (a burst beyond --dns-forward-max's default of 150 many
 * times over) take the epoll path.
 */
const RING_SLOTS = 256;
/** Closes queued while a batch of replies is handled, made in one native call at its end. */
const CLOSE_QUEUE = 256;

export class ForwardSockets {
  private nextHandle = 1;
  private serial = 1;
  /** Native sockets open now (epoll path and ring). */
  private nativeOpen = 0;
  private ring: UdpBatchRing | undefined;
  private ringWatch: unknown;
  /** ring slot -> handle of the forward that holds it now (-1 or absent: none). */
  private readonly handleOfSlot: number[] = [];
  /** descriptor -> handle of the native socket that holds it now (-1 or absent: none). */
  private readonly handleOfFd: number[] = [];
  private readonly dgrams = new Map<number, dgram.Socket>();
  private set = -1;
  private watch: unknown;
  private closed = false;
  private draining = false;
  private readonly closeQueue = new Int32Array(CLOSE_QUEUE);
  private closeCount = 0;
  /** Handles of the batch being read, taken before any of it is handled (a handler may close and reopen fds). */
  private readonly handles: Float64Array;
  private readonly fds: Int32Array;

  /** `maxReply`: the longest reply accepted (longer ones are reported as oversize). */
  constructor(
    private readonly onMessage: UpstreamMessage,
    private readonly maxReply: number,
    private readonly slots?: BatchSlots,
    private readonly openUdp: (family: 4 | 6) => dgram.Socket = createUdpSocket,
    private readonly ports?: SourcePortRange,
  ) {
    const n = slots?.capacity ?? 0;
    this.handles = new Float64Array(n);
    this.fds = new Int32Array(n);
    if (!slots) return;
    const set = slots.binding.pollSet();
    if (set < 0) return;
    try {
      this.watch = slots.binding.watch(set, this.drain);
      this.set = set;
    } catch {
      slots.binding.closeFd(set);
      return;
    }
    if (process.env.KDT_IO_URING !== 'off') this.openRing(slots);
  }

  /** The io_uring path, beside the epoll set; left out (epoll alone) wherever it cannot be set up. */
  private openRing(slots: BatchSlots): void {
    const b = slots.binding;
    if (!b.ringOpen || !b.ringEventFd || !b.ringReap) return;
    const ring = b.ringOpen(RING_SLOTS, slots.data.length / slots.capacity + slots.tailSize);
    if (typeof ring === 'number') return;
    try {
      this.ringWatch = b.watch(b.ringEventFd(ring), this.drainRing);
    } catch {
      b.ringClose!(ring);
      return;
    }
    this.ring = ring;
    slots.afterBatch = this.submit;
  }

  /** Whether forwards start through io_uring (tests and diagnostics). */
  get usesRing(): boolean {
    return this.ring !== undefined;
  }

  /** Hands what the ring has queued to the kernel (the end of a batch, or at once outside one). */
  private readonly submit = (): void => {
    if (this.ring) this.slots!.binding.ringSubmit!(this.ring);
  };

  /** How many forward sockets are open. */
  get openCount(): number {
    return this.nativeOpen + this.dgrams.size;
  }

  /**
   * A fresh socket of `family` on a random port for one forward, sending the first `length` bytes of `buf` to
   * `address`#`port` as its first act; its handle, or -1 when none could be opened.
   */
  openAndSend(family: 4 | 6, buf: Buffer, length: number, port: number, address: string): number {
    if (this.closed) return -1;
    if (this.set < 0) {
      const handle = this.nextHandle++;
      if (this.ports) this.bindDgramInRange(handle, family, Buffer.from(buf.subarray(0, length)), port, address, PORT_TRIES);
      else {
        // Bound by its first send, to the kernel's random pick.
        this.openDgram(handle, family);
        this.send(handle, buf, length, port, address);
      }
      return handle;
    }
    const slots = this.slots!;
    const binding = slots.binding;
    const to = slots.sockaddrs.get(address, port);
    if (!to) return -1;
    const range = this.ports;
    if (this.ring && !range) {
      const slot = binding.ringForward!(this.ring, family, buf, length, to);
      if (slot >= 0) {
        const handle = this.serial++ * FD_SPAN + RING_BASE + slot;
        this.handleOfSlot[slot] = handle;
        this.nativeOpen++;
        if (!slots.draining) this.submit();
        return handle;
      }
      // Every slot taken (or this query too long for one): this forward takes the epoll path.
    }
    let fd = -EADDRINUSE;
    if (range) {
      for (let i = 0; i < PORT_TRIES && (fd === -EADDRINUSE || fd === -EACCES); i++) {
        fd = binding.openSend(this.set, family, range.min + randomBelow(range.max - range.min + 1), buf, length, to);
      }
    }
    // A range stays a range (a firewall may allow no other port): only without one does the kernel pick.
    else fd = binding.openSend(this.set, family, 0, buf, length, to);
    if (fd < 0) return -1;
    if (fd >= RING_BASE) {
      binding.closeFd(fd);
      return -1;
    }
    const handle = this.serial++ * FD_SPAN + fd;
    this.handleOfFd[fd] = handle;
    this.nativeOpen++;
    return handle;
  }

  /** A node:dgram socket for forward socket `handle`. */
  private openDgram(handle: number, family: 4 | 6): dgram.Socket {
    const socket = this.openUdp(family);
    socket.on('error', () => undefined);
    socket.on('message', (buf, rinfo) => this.onMessage(handle, buf, rinfo.address, rinfo.port, buf.length > this.maxReply));
    this.dgrams.set(handle, socket);
    return socket;
  }

  /** Binds a node:dgram socket to a random port of the range (another on a taken one), then sends `data`. */
  private bindDgramInRange(handle: number, family: 4 | 6, data: Buffer, port: number, address: string, tries: number): void {
    const range = this.ports!;
    const socket = this.openDgram(handle, family);
    const onError = (): void => {
      if (this.dgrams.get(handle) !== socket) return; // released meanwhile
      this.dgrams.delete(handle);
      socket.close();
      if (tries > 1 && !this.closed) this.bindDgramInRange(handle, family, data, port, address, tries - 1);
    };
    socket.once('error', onError);
    socket.bind({ port: range.min + randomBelow(range.max - range.min + 1), exclusive: true }, () => {
      socket.off('error', onError);
      if (this.dgrams.get(handle) === socket) socket.send(data, port, address);
    });
  }

  /** The descriptor of live native socket `handle` (epoll path), or -1. */
  private fdOf(handle: number): number {
    if (this.set < 0 || handle < FD_SPAN) return -1;
    const fd = handle % FD_SPAN;
    return fd < RING_BASE && this.handleOfFd[fd] === handle ? fd : -1;
  }

  /** The ring slot of live ring socket `handle`, or -1. */
  private slotOf(handle: number): number {
    if (this.ring === undefined || handle < FD_SPAN) return -1;
    const slot = (handle % FD_SPAN) - RING_BASE;
    return slot >= 0 && this.handleOfSlot[slot] === handle ? slot : -1;
  }

  /** The forward that used `handle` is over: its socket closes, and whatever reaches its port later is refused by the kernel. */
  release(handle: number): void {
    if (handle < 0) return;
    const slot = this.slotOf(handle);
    if (slot >= 0) {
      this.handleOfSlot[slot] = -1;
      this.nativeOpen--;
      this.slots!.binding.ringRelease!(this.ring!, slot);
      // During a batch the close leaves with the batch's other entries, at its end.
      if (!this.slots!.draining) this.submit();
      return;
    }
    const fd = this.fdOf(handle);
    if (fd >= 0) {
      this.handleOfFd[fd] = -1;
      this.nativeOpen--;
      // During a batch of replies the descriptor closes at its end, with the others: it cannot be reused before.
      if (this.draining && this.closeCount < CLOSE_QUEUE) this.closeQueue[this.closeCount++] = fd;
      else this.slots!.binding.closeFd(fd);
      return;
    }
    const socket = this.dgrams.get(handle);
    if (!socket) return;
    this.dgrams.delete(handle);
    socket.close();
  }

  private flushCloses(): void {
    if (this.closeCount === 0) return;
    this.slots!.binding.closeFds(this.closeQueue, this.closeCount);
    this.closeCount = 0;
  }

  /** Sends the first `length` bytes of `buf` from socket `handle`. */
  send(handle: number, buf: Buffer, length: number, port: number, address: string): void {
    const slot = this.slotOf(handle);
    if (slot >= 0) {
      const to = this.slots!.sockaddrs.get(address, port);
      if (to && this.slots!.binding.ringSend!(this.ring!, slot, buf, length, to) === 0 && !this.slots!.draining) this.submit();
      return;
    }
    const fd = this.fdOf(handle);
    if (fd >= 0) {
      const to = this.slots!.sockaddrs.get(address, port);
      if (to) this.slots!.binding.sendTo(fd, buf, to, length);
      return;
    }
    this.dgrams.get(handle)?.send(buf, 0, length, port, address);
  }

  /** The local port of socket `handle` (tests and diagnostics); a ring socket has no descriptor to ask: undefined. */
  portOf(handle: number): number | undefined {
    const fd = this.fdOf(handle);
    if (fd >= 0) {
      const port = this.slots!.binding.localPort(fd);
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
  private readonly drain = (): void => this.drainBatches(false);

  /** Replies the ring's completions hold (its eventfd was readable), batch by batch. */
  private readonly drainRing = (): void => this.drainBatches(true);

  private drainBatches(ring: boolean): void {
    const slots = this.slots!;
    if (slots.draining || this.closed || (ring && !this.ring)) return;
    slots.draining = true;
    this.draining = true;
    try {
      for (let round = 0; round < 4; round++) if (!(ring ? this.ringBatch(slots) : this.batch(slots))) return;
    } finally {
      slots.draining = false;
      this.draining = false;
      this.flushCloses();
      slots.endBatch();
    }
  }

  private ringBatch(slots: BatchSlots): boolean {
    const { binding, data, tail, tailSize, lens, addrs, capacity } = slots;
    const slot = data.length / capacity;
    const ring = this.ring!;
    const n = binding.ringReap!(ring, data, slot, lens, addrs, this.fds, tail, tailSize);
    if (n <= 0) return false;
    for (let i = 0; i < n; i++) this.handles[i] = this.handleOfSlot[this.fds[i]!] ?? -1;
    for (let i = 0; i < n; i++) {
      const handle = this.handles[i]!;
      const s = this.fds[i]!;
      if (handle < 0 || this.handleOfSlot[s] !== handle) continue;
      this.deliver(slots, i, slot, handle);
      // A rejected datagram (forged, stale): the forward goes on, and waits for the next one.
      if (this.handleOfSlot[s] === handle) binding.ringRearm!(ring, s);
    }
    slots.endBatch();
    return n === capacity;
  }

  /** Datagram i of the batch, to the handler of the forward that holds `handle`. */
  private deliver(slots: BatchSlots, i: number, slot: number, handle: number): void {
    const { binding, data, tail, tailSize, lens, addrs } = slots;
    const len = lens[i]!;
    const off = i * binding.addrSlot;
    const address = addrs.readUInt16LE(off) === AF_INET ? this.v4Text(addrs.readUInt32BE(off + 4)) : binding.ntop(addrs, i);
    const port = addrs.readUInt16BE(off + 2);
    // Longer than the slots (len -1): its beginning, enough for the header and question.
    const datagram = len < 0 ? data.subarray(i * slot, (i + 1) * slot) : len <= slot ? data.subarray(i * slot, i * slot + len) : Buffer.concat([data.subarray(i * slot, (i + 1) * slot), tail.subarray(i * tailSize, i * tailSize + len - slot)]);
    try {
      this.onMessage(handle, datagram, address, port, len < 0 || len > this.maxReply);
    } catch {
      // A reply that cannot be handled is dropped; the batch's others still are.
    }
  }

  private batch(slots: BatchSlots): boolean {
    const { binding, data, tail, tailSize, lens, addrs, capacity } = slots;
    const slot = data.length / capacity;
    const n = binding.recvReady(this.set, data, slot, lens, addrs, this.fds, tail, tailSize);
    if (n <= 0) return false;
    for (let i = 0; i < n; i++) this.handles[i] = this.handleOfFd[this.fds[i]!] ?? -1;
    for (let i = 0; i < n; i++) {
      const handle = this.handles[i]!;
      if (handle < 0 || this.handleOfFd[this.fds[i]!] !== handle) continue;
      this.deliver(slots, i, slot, handle);
    }
    slots.endBatch();
    return n === capacity;
  }

  private lastV4 = -1;
  private lastV4Text = '';

  /** An IPv4 address as text; replies come from a few servers, so the last one's text is kept rather than built again. */
  private v4Text(v4: number): string {
    if (v4 !== this.lastV4) {
      this.lastV4 = v4;
      this.lastV4Text = `${v4 >>> 24}.${(v4 >>> 16) & 255}.${(v4 >>> 8) & 255}.${v4 & 255}`;
    }
    return this.lastV4Text;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const h of [...this.handleOfFd.filter((h) => h >= 0), ...this.handleOfSlot.filter((h) => h >= 0), ...this.dgrams.keys()]) this.release(h);
    this.flushCloses();
    if (this.ring) {
      const b = this.slots!.binding;
      b.ringSubmit!(this.ring);
      b.unwatch(this.ringWatch);
      // Closing the ring ends what is still in flight and drops every socket it holds.
      b.ringClose!(this.ring);
      if (this.slots!.afterBatch === this.submit) this.slots!.afterBatch = undefined;
      this.ring = undefined;
      this.ringWatch = undefined;
    }
    if (this.watch !== undefined) this.slots!.binding.unwatch(this.watch);
    this.watch = undefined;
    if (this.set >= 0) this.slots!.binding.closeFd(this.set);
    this.set = -1;
  }
}
