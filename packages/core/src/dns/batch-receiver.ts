/**
 * Cache hits without Node's per-datagram cost: after node:dgram delivers one datagram, `drain` reads what
 * else is waiting on the same socket with one recvmmsg, handles each datagram, and sends the replies made
 * during the batch with one sendmmsg. Without the native binding the forwarder uses node:dgram alone.
 */
import type dgram from 'node:dgram';
import type { UdpBatchBinding } from '@kube-dns-tools/udp-batch';

/** Bytes per datagram slot: a longer query is dropped (EDNS payloads stop at 4096); a longer reply goes by dgram. */
const SLOT = 4096;
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

export class BatchReceiver {
  private readonly capacity: number;
  private readonly data: Buffer;
  private readonly out: Buffer;
  private readonly lens: Int32Array;
  private readonly outLens: Int32Array;
  private readonly addrs: Buffer;
  private index = 0;
  private address = '';
  private port = 0;
  private lastV4 = -1;
  private lastV4Text = '';

  constructor(
    private readonly binding: UdpBatchBinding,
    private readonly socket: dgram.Socket,
    private readonly fd: number,
    private readonly handler: DatagramHandler,
  ) {
    this.capacity = binding.maxBatch;
    this.data = Buffer.allocUnsafe(this.capacity * SLOT);
    this.out = Buffer.allocUnsafe(this.capacity * SLOT);
    this.lens = new Int32Array(this.capacity);
    this.outLens = new Int32Array(this.capacity);
    this.addrs = Buffer.alloc(this.capacity * binding.addrSlot);
  }

  /** Handles what is waiting on the socket, batch by batch, and sends each batch's replies at its end. */
  drain(): void {
    const { binding, fd, data, lens, outLens, addrs, capacity } = this;
    const addrSlot = binding.addrSlot;
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const n = binding.recv(fd, data, SLOT, lens, addrs);
      if (n <= 0) return;
      outLens.fill(0, 0, n);
      for (let i = 0; i < n; i++) {
        const len = lens[i]!;
        if (len < 0) continue;
        this.index = i;
        this.address = this.addressAt(i);
        this.port = addrs.readUInt16BE(i * addrSlot + 2);
        try {
          this.handler(data.subarray(i * SLOT, i * SLOT + len), this.address, this.port, this.respond);
        } catch {
          // The handler drops what it cannot handle; nothing here may stop the batch's other replies.
        }
      }
      binding.send(fd, this.out, SLOT, outLens, addrs, n);
      if (n < capacity) return;
    }
  }

  private readonly respond = (reply: Buffer): void => {
    const i = this.index;
    if (reply.length <= SLOT && this.outLens[i] === 0) {
      reply.copy(this.out, i * SLOT);
      this.outLens[i] = reply.length;
    } else this.socket.send(reply, this.port, this.address);
  };

  private addressAt(i: number): string {
    const off = i * this.binding.addrSlot;
    if (this.addrs.readUInt16LE(off) === AF_INET) {
      const v4 = this.addrs.readUInt32BE(off + 4);
      if (v4 !== this.lastV4) {
        this.lastV4 = v4;
        this.lastV4Text = `${v4 >>> 24}.${(v4 >>> 16) & 255}.${(v4 >>> 8) & 255}.${v4 & 255}`;
      }
      return this.lastV4Text;
    }
    return this.binding.ntop(this.addrs, i);
  }
}
