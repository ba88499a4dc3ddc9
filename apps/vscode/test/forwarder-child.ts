// The extension's forwarder process (dist/forwarder.js) forked as the extension forks it, and a loopback A query,
// for the tests that drive that process.
import { fork, type ChildProcess } from 'node:child_process';
import dgram from 'node:dgram';
import { join } from 'node:path';
import * as dnsPacket from 'dns-packet';
import type { ForwarderRequest } from '../src/forwarder/forwarder-control.js';

export const FORWARDER_SCRIPT = join(__dirname, '../dist/forwarder.js');

/** Forks the process with `request`; `first` resolves with its first stdout line (or all it wrote, if it exits first). */
export function forkForwarder(request: ForwarderRequest): { child: ChildProcess; first: Promise<string>; stderr: () => string } {
  const child = fork(FORWARDER_SCRIPT, [JSON.stringify(request)], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const first = new Promise<string>((resolve) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out.split('\n')[0]!);
    });
    child.on('exit', () => resolve(out));
  });
  return { child, first, stderr: () => stderr };
}

/** One A query for `name` to 127.0.0.1#port; rejects after 5 s without an answer. */
export function askA(port: number, name: string): Promise<dnsPacket.Packet> {
  const socket = dgram.createSocket('udp4');
  return new Promise<dnsPacket.Packet>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer for ${name}`)), 5000);
    socket.on('message', (message, from) => {
      if (from.port !== port) return; // a stray datagram to a reused port, not the answer
      clearTimeout(timer);
      resolve(dnsPacket.decode(message));
    });
    socket.send(dnsPacket.encode({ id: 4242, type: 'query', flags: dnsPacket.RECURSION_DESIRED, questions: [{ type: 'A', name }] }), port, '127.0.0.1');
  }).finally(() => socket.close());
}
