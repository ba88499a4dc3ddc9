/**
 * Cache hits without Node's per-datagram cost: after node:dgram delivers one datagram, `drain` reads what
 * else is waiting on the same socket with one recvmmsg, handles each datagram, and sends the replies made
 * during the batch with one sendmmsg. Without the native binding the forwarder uses node:dgram alone.
 */
import type dgram from 'node:dgram';
import type { UdpBatchBinding } from '@kube-dns-tools/udp-batch';
import { SockaddrCache } from './sockaddr.js';

/**
 * Bytes per datagram slot. Most DNS messages are far shorter, and a batch touches one slot per datagram, so
 * slots are small: a datagram's bytes beyond SLOT continue in its tail slot (up to `maxDatagram` in all; a
 * longer one is dropped), and a longer reply is sent on its own.
 */
const SLOT = 512;
/** The longest datagram a batch reads by default: client EDNS payload sizes stop at 4096 in practice. */
export const DEFAULT_MAX_DATAGRAM = 4096;
/** Batches per `drain` before the event loop gets a turn (upstream replies, timers, TCP). */
const MAX_ROUNDS = 4;
const AF_INET = 2;

/** A client datagram; `respond` is valid only until the handler returns. */
export type DatagramHandler = (buf: Buffer, address: string, port: number, respond: (reply: Buffer) => void) => void;

/** The file descriptor of a bound node:dgram socket (Node keeps it on its internal handle), or -1. */
export function socketFd(socket: dgram.Socket): number {
  const fields = socket as unknown as Record<symbol, { handle?: { fd?: unknown } } | undefined>;
  for (const sym of Object.getOwnPropertySymbols(socket)) {
    const fd = fields[sym]?.handle?.fd;
    if (typeof fd === 'number' && fd >= 0) return fd;
  }
  return -1;
}

/**
 * The slots one drain reads into and answers from, shared by every socket of a forwarder: drains run one at
 * a time (a handler never drains), so a single set keeps the touched memory to one batch.
 */
/**
 * Stops node:dgram reading `socket` (its internal handle's recvStop), so that a native watch can read it
 * instead; false when this Node has no such handle (then dgram keeps reading and `receive` drains).
 */
export function stopDgramReading(socket: dgram.Socket): boolean {
  return dgramHandle(socket)?.recvStop() === 0;
}

/** Lets node:dgram read `socket` again (a native watch could not be set up). */
export function resumeDgramReading(socket: dgram.Socket): void {
  dgramHandle(socket)?.recvStart();
}

interface DgramHandle {
  recvStop(): number;
  recvStart(): number;
}

function dgramHandle(socket: dgram.Socket): DgramHandle | undefined {
  const fields = socket as unknown as Record<symbol, { handle?: Partial<DgramHandle> } | undefined>;
  for (const sym of Object.getOwnPropertySymbols(socket)) {
    const handle = fields[sym]?.handle;
    if (handle && typeof handle.recvStop === 'function' && typeof handle.recvStart === 'function') return handle as DgramHandle;
  }
  return undefined;
}

export class BatchSlots {
  readonly capacity: number;
  readonly data: Buffer;
  readonly tail: Buffer;
  /** Bytes per tail slot. */
  readonly tailSize: number;
  readonly out: Buffer;
  readonly lens: Int32Array;
  readonly outLens: Int32Array;
  readonly addrs: Buffer;
  /** Datagrams sent while a batch is handled (e.g. upstream replies passed on to clients), sent together at its end. */
  readonly outbox: Outbox;
  readonly sockaddrs = new SockaddrCache();
  draining = false;
  /** Runs at the end of every batch, after the outbox is sent (the forward ring submits what the batch queued). */
  afterBatch: (() => void) | undefined;

  /** `maxDatagram`: the longest datagram read (at least 4096; upstream replies can be as long as --edns-packet-max). */
  constructor(readonly binding: UdpBatchBinding, maxDatagram = DEFAULT_MAX_DATAGRAM) {
    this.capacity = binding.maxBatch;
    this.data = Buffer.allocUnsafe(this.capacity * SLOT);
    this.tailSize = Math.max(DEFAULT_MAX_DATAGRAM, maxDatagram) - SLOT;
    this.tail = Buffer.allocUnsafe(this.capacity * this.tailSize);
    this.out = Buffer.allocUnsafe(this.capacity * SLOT);
    this.lens = new Int32Array(this.capacity);
    this.outLens = new Int32Array(this.capacity);
    this.addrs = Buffer.alloc(this.capacity * binding.addrSlot);
    this.outbox = new Outbox(this);
  }

  /** The end of a batch: what it sent and queued leaves now. */
  endBatch(): void {
    this.outbox.flush();
    this.afterBatch?.();
  }
}

/** Datagrams to raw addresses, queued while a batch is handled and sent with one sendmmsg per socket run. */
export class Outbox {
  private readonly data: Buffer;
  private readonly lens: Int32Array;
  private readonly addrs: Buffer;
  private fd = -1;
  private count = 0;

  constructor(private readonly slots: BatchSlots) {
    this.data = Buffer.allocUnsafe(slots.capacity * SLOT);
    this.lens = new Int32Array(slots.capacity);
    this.addrs = Buffer.alloc(slots.capacity * slots.binding.addrSlot);
  }

  /** Sends `buf` from socket `fd` to the raw sockaddr `to`: now, or at the end of the batch being handled. */
  send(fd: number, buf: Buffer, to: Buffer): void {
    const { binding, draining, capacity } = this.slots;
    if (!draining || buf.length > SLOT) {
      binding.sendTo(fd, buf, to);
      return;
    }
    if (this.count > 0 && (fd !== this.fd || this.count === capacity)) this.flush();
    this.fd = fd;
    buf.copy(this.data, this.count * SLOT);
    to.copy(this.addrs, this.count * binding.addrSlot);
    this.lens[this.count++] = buf.length;
  }

  flush(): void {
    if (this.count === 0) return;
    this.slots.binding.send(this.fd, this.data, SLOT, this.lens, this.addrs, this.count);
    this.count = 0;
  }
}

export class BatchReceiver {
  private index = 0;
  private address = '';
  private port = 0;
  private lastV4 = -1;
  private lastV4Text = '';

  constructor(
    private readonly slots: BatchSlots,
    private readonly socket: dgram.Socket,
    private readonly fd: number,
    private readonly handler: DatagramHandler,
  ) {}

  /**
   * Handles the datagram node:dgram delivered, then what else waits on the socket, batch by batch; what
   * they send goes out in one sendmmsg per batch (and per destination socket).
   */
  receive(buf: Buffer, address: string, port: number): void {
    const slots = this.slots;
    if (slots.draining) {
      this.handler(buf, address, port, (reply) => void this.socket.send(reply, port, address));
      return;
    }
    slots.draining = true;
    try {
      this.address = address;
      this.port = port;
      this.handler(buf, address, port, this.respondFirst);
    } catch {
      // As in a batch: the handler drops what it cannot handle.
    }
    this.drainRounds();
  }

  /** Handles what waits on the socket (a native watch saw it readable), batch by batch. */
  readonly receiveWaiting = (): void => {
    if (this.slots.draining) return;
    this.slots.draining = true;
    this.drainRounds();
  };

  /** Batches until the socket runs dry (or MAX_ROUNDS), then the end of the drain: flag down, outbox out. */
  private drainRounds(): void {
    try {
      for (let round = 0; round < MAX_ROUNDS; round++) if (!this.batch()) return;
    } finally {
      this.slots.draining = false;
      this.slots.endBatch();
    }
  }

  private readonly respondFirst = (reply: Buffer): void => {
    const to = this.slots.sockaddrs.get(this.address, this.port);
    if (to) this.slots.outbox.send(this.fd, reply, to);
    else this.socket.send(reply, this.port, this.address);
  };

  /** One recvmmsg and its replies; false when the socket had less than a full batch waiting. */
  private batch(): boolean {
    const { binding, data, tail, tailSize, lens, outLens, addrs, capacity } = this.slots;
    const addrSlot = binding.addrSlot;
    const n = binding.recv(this.fd, data, SLOT, lens, addrs, tail, tailSize);
    if (n <= 0) return false;
    outLens.fill(0, 0, n);
    this.replies = 0;
    for (let i = 0; i < n; i++) {
      const len = lens[i]!;
      if (len < 0) continue;
      this.index = i;
      this.address = this.addressAt(i);
      this.port = addrs.readUInt16BE(i * addrSlot + 2);
      try {
        const datagram = len <= SLOT ? data.subarray(i * SLOT, i * SLOT + len) : Buffer.concat([data.subarray(i * SLOT, (i + 1) * SLOT), tail.subarray(i * tailSize, i * tailSize + len - SLOT)]);
        this.handler(datagram, this.address, this.port, this.respond);
      } catch {
        // The handler drops what it cannot handle; nothing here may stop the batch's other replies.
      }
    }
    if (this.replies > 0) binding.send(this.fd, this.slots.out, SLOT, outLens, addrs, n);
    this.slots.endBatch();
    return n === capacity;
  }

  private replies = 0;

  private readonly respond = (reply: Buffer): void => {
    const i = this.index;
    const { out, outLens } = this.slots;
    if (reply.length <= SLOT && outLens[i] === 0) {
      reply.copy(out, i * SLOT);
      outLens[i] = reply.length;
      this.replies++;
    } else this.socket.send(reply, this.port, this.address);
  };

  private addressAt(i: number): string {
    const { binding, addrs } = this.slots;
    const off = i * binding.addrSlot;
    if (addrs.readUInt16LE(off) === AF_INET) {
      const v4 = addrs.readUInt32BE(off + 4);
      if (v4 !== this.lastV4) {
        this.lastV4 = v4;
        this.lastV4Text = `${v4 >>> 24}.${(v4 >>> 16) & 255}.${(v4 >>> 8) & 255}.${v4 & 255}`;
      }
      return this.lastV4Text;
    }
    return binding.ntop(addrs, i);
  }
}
