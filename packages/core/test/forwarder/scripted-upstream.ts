/**
 * A UDP-only upstream on loopback for the attack tests: it records the source port of every query and lets
 * each test decide what to send back, and to where, from its own address and port (so forged replies carry
 * the real server's source, as an off-path spoofer's would).
 */
import type { UdpBatchBinding } from '@kube-dns-tools/udp-batch';
import dgram from 'node:dgram';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

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
 * How many of `ports` a UDP socket of this test process is bound to now, as the kernel lists them (/proc/net/udp
 * and udp6). Unlike `openFds`, this sees the forward sockets of the io_uring path too, which are no descriptors.
 * A port the kernel has meanwhile handed to a socket of another process (a test file running in parallel) is not
 * counted: that socket is in that process's descriptor table.
 */
export function udpPortsBound(ports: readonly number[]): number {
  const inodesByPort = new Map<number, string[]>();
  for (const file of ['/proc/net/udp', '/proc/net/udp6']) {
    let text = '';
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      const local = fields[1];
      if (!local) continue;
      const port = parseInt(local.slice(local.lastIndexOf(':') + 1), 16);
      inodesByPort.set(port, [...(inodesByPort.get(port) ?? []), fields[9] ?? '']);
    }
  }
  const wanted = ports.filter((p) => inodesByPort.has(p));
  if (wanted.length === 0) return 0;
  const elsewhere = socketInodesOfOtherProcesses();
  return wanted.filter((p) => inodesByPort.get(p)!.some((inode) => !elsewhere.has(inode))).length;
}

/** The inodes of the sockets in the descriptor tables of every other process (as root: all of them). */
function socketInodesOfOtherProcesses(): Set<string> {
  const inodes = new Set<string>();
  for (const pid of readdirSafe('/proc')) {
    if (!/^\d+$/.test(pid) || Number(pid) === process.pid) continue;
    for (const fd of readdirSafe(`/proc/${pid}/fd`)) {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (m) inodes.add(m[1]!);
      } catch {
        // the descriptor (or the process) is gone
      }
    }
  }
  return inodes;
}

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
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
