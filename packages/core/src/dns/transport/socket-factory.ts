/**
 * Every socket the forwarder opens comes from here: its UDP and TCP listeners, the node:dgram forward sockets
 * (without the native binding) and its TCP connections to upstreams. Tests pass their own to make a bind fail or
 * to watch what is opened; the native forward sockets are opened by the binding, which is passed here too.
 */
import type dgram from 'node:dgram';
import net from 'node:net';
import { udpBatch, type UdpBatchBinding } from '@kube-dns-tools/udp-batch';
import { listenTcp } from './tcp-server.js';
import { bindUdp, createUdpSocket } from './udp-sockets.js';

export interface SocketFactory {
  /** An unbound UDP socket of `family` (a listener, or a forward's socket without the native binding). */
  udp(family: 4 | 6): dgram.Socket;
  /** Binds `socket` to `address`#`port` (0: the kernel picks). */
  bindUdp(socket: dgram.Socket, port: number, address: string): Promise<void>;
  /** Starts `server` listening on `address`#`port`: the TCP twin of a UDP listener. */
  listenTcp(server: net.Server, port: number, address: string): Promise<void>;
  /** A TCP connection to an upstream. */
  connectTcp(address: string, port: number): net.Socket;
  /** Native batch I/O (forward sockets, batched reads and sends); null: node:dgram only. */
  readonly udpBatch: UdpBatchBinding | null;
}

/** Node's sockets, with the native binding when it was built. */
export const nodeSockets: SocketFactory = {
  udp: createUdpSocket,
  bindUdp,
  listenTcp,
  connectTcp: (address, port) => net.connect({ host: address, port }),
  udpBatch: udpBatch ?? null,
};
