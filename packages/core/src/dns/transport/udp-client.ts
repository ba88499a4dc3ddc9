/**
 * One UDP listener's clients: the datagram being handled (where it came from) and how to answer it, at once
 * or, for a client waiting on a forward, later. The per-datagram state lives here, set before each datagram is
 * handled, instead of in fields of the forwarder that only hold while it handles one.
 */
import type dgram from 'node:dgram';
import type { Sender, UdpSenders } from './udp-senders.js';

export class UdpClient {
  private address = '';
  private port = 0;

  /** `fd`: the socket's descriptor when native sends are possible, else -1. */
  constructor(
    readonly socket: dgram.Socket,
    readonly fd: number,
    private readonly senders: UdpSenders,
  ) {}

  /** The datagram handled next came from `address`#`port`. */
  from(address: string, port: number): this {
    this.address = address;
    this.port = port;
    return this;
  }

  /** Answers the datagram being handled (through node:dgram; batches answer through their own slots). */
  readonly respond = (out: Buffer): void => {
    this.socket.send(out, this.port, this.address);
  };

  /** A sender to `address`#`port` that stays valid after this datagram. */
  lastingSender(address: string, port: number): Sender {
    return this.senders.get(this.socket, this.fd, address, port);
  }
}
