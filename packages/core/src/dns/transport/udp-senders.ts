/**
 * Senders for answers that leave after the query's own datagram was handled (a forward's reply, to each
 * waiting client): one closure per client address, reused by every forward it waits on, sending through the
 * batch outbox when the native binding is there and through node:dgram otherwise.
 */
import type dgram from 'node:dgram';
import type { BatchSlots } from './batch-receiver.js';

const MAX_CACHED = 4096;

export type Sender = (out: Buffer) => void;

export class UdpSenders {
  /** fd -> port -> address -> sender: no key string to build per forward. */
  private readonly byFd = new Map<number, Map<number, Map<string, Sender>>>();
  private cached = 0;

  constructor(private readonly slots: BatchSlots | undefined) {}

  /** A sender to `address`#`port` from `sock` (whose descriptor is `fd`, or -1 for node:dgram only). */
  get(sock: dgram.Socket, fd: number, address: string, port: number): Sender {
    const to = this.slots && fd >= 0 ? this.slots.sockaddrs.get(address, port) : undefined;
    if (!to) return (out) => void sock.send(out, port, address);
    let byPort = this.byFd.get(fd);
    if (!byPort) this.byFd.set(fd, (byPort = new Map()));
    let byAddress = byPort.get(port);
    if (!byAddress) byPort.set(port, (byAddress = new Map()));
    let sender = byAddress.get(address);
    if (sender) return sender;
    if (++this.cached > MAX_CACHED) {
      this.byFd.clear();
      this.cached = 0;
    }
    const outbox = this.slots!.outbox;
    sender = (out) => outbox.send(fd, out, to);
    byAddress.set(address, sender);
    return sender;
  }
}
