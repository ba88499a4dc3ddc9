/**
 * A UDP-only upstream on loopback for the attack tests: it records the source port of every query and lets
 * each test decide what to send back, and to where, from its own address and port (so forged replies carry
 * the real server's source, as an off-path spoofer's would).
 */
import dgram from 'node:dgram';
import { readdirSync } from 'node:fs';

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
