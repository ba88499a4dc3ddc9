/**
 * A UDP-only upstream on loopback for the attack tests: it records the source port of every query and lets
 * each test decide what to send back, and to where, from its own address and port (so forged replies carry
 * the real server's source, as an off-path spoofer's would).
 */
import type { UdpBatchBinding } from '@kube-dns-tools/udp-batch';
import dgram from 'node:dgram';
import { readdirSync, readFileSync } from 'node:fs';

export interface SeenQuery {
  readonly buf: Buffer;
  readonly port: number;
}

export type Script = (q: Buffer, port: number, send: (out: Buffer, toPort: number) => void) => void;

export class ScriptedUpstream {
  readonly seen: SeenQuery[] = [];
  private readonly sock = dgram.createSocket('udp4');
  private stopped = false;
  port = 0;

  constructor(public script: Script) {}

  async start(): Promise<this> {
    this.sock.on('error', () => undefined);
    await new Promise<void>((r) => this.sock.bind(0, '127.0.0.1', () => r()));
    this.port = this.sock.address().port;
    this.sock.on('message', (buf, rinfo) => {
      this.seen.push({ buf, port: rinfo.port });
      // A script's late reply (a timer) may come after the test stopped this upstream: it is dropped then.
      this.script(buf, rinfo.port, (out, toPort) => {
        if (!this.stopped) this.sock.send(out, toPort, '127.0.0.1');
      });
    });
    return this;
  }

  stop(): Promise<void> {
    this.stopped = true;
    return new Promise((r) => this.sock.close(() => r()));
  }
}

/** Open file descriptors of this process (each forward socket is one). */
export function openFds(): number {
  return readdirSync('/proc/self/fd').length;
}

/**
 * How many of `ports` a UDP socket of this machine is bound to now, as the kernel lists them (/proc/net/udp and
 * udp6). Unlike `openFds`, this sees the forward sockets of the io_uring path too, which are no descriptors.
 */
export function udpPortsBound(ports: readonly number[]): number {
  const bound = new Set<number>();
  for (const file of ['/proc/net/udp', '/proc/net/udp6']) {
    let text = '';
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const local = line.trim().split(/\s+/)[1];
      if (local) bound.add(parseInt(local.slice(local.lastIndexOf(':') + 1), 16));
    }
  }
  return ports.filter((p) => bound.has(p)).length;
}

/** The binding without its io_uring calls: the forwarder's epoll path, as where io_uring cannot be set up. */
export function epollOnly(binding: UdpBatchBinding | undefined): UdpBatchBinding | undefined {
  if (!binding) return undefined;
  const { ringOpen: _open, ...rest } = binding;
  return rest;
}

/** The binding as a sandbox that forbids io_uring leaves it: ringOpen answers -EPERM, the forwarder must use epoll. */
export function ringRefused(binding: UdpBatchBinding | undefined): UdpBatchBinding | undefined {
  return binding && { ...binding, ringOpen: () => -1 };
}

/** Whether `binding` can open an io_uring here (a kernel or sandbox without one leaves the forwarder on epoll). */
export function ringWorks(binding: UdpBatchBinding | undefined | null): boolean {
  const ring = binding?.ringOpen?.(1, 512);
  if (ring === undefined || typeof ring === 'number') return false;
  binding!.ringClose!(ring);
  return true;
}
