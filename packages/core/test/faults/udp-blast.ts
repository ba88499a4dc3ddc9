// Sends many datagrams at a bounded rate from one loopback socket (replies are read and dropped).
import * as dgram from 'node:dgram';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface BlastResult {
  sent: number;
  replies: number;
}

/** Sends `packets` to 127.0.0.1:port in bursts of `burst` every `everyMs`; stops after `maxMs` whatever is left. */
export async function blast(port: number, packets: Iterable<Buffer>, opts: { burst?: number; everyMs?: number; maxMs?: number } = {}): Promise<BlastResult> {
  const burst = opts.burst ?? 100;
  const everyMs = opts.everyMs ?? 20;
  const deadline = Date.now() + (opts.maxMs ?? 20_000);
  const sock = dgram.createSocket('udp4');
  let replies = 0;
  sock.on('message', () => replies++);
  sock.on('error', () => {});
  await new Promise<void>((resolve) => sock.bind(0, '127.0.0.1', () => resolve()));
  let sent = 0;
  let inBurst = 0;
  for (const p of packets) {
    if (Date.now() > deadline) break;
    sock.send(p, port, '127.0.0.1');
    sent++;
    if (++inBurst >= burst) {
      inBurst = 0;
      await sleep(everyMs);
    }
  }
  await sleep(300); // late replies
  await new Promise<void>((resolve) => sock.close(() => resolve()));
  return { sent, replies };
}
