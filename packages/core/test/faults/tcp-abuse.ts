// Misbehaving TCP clients: odd frames, half-open and idle connections, one byte at a time.
import * as net from 'node:net';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Connects within `timeoutMs` (a full accept backlog can leave a connect hanging) or rejects. */
export function connect(port: number, timeoutMs = 1000): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const s = net.connect({ host: '127.0.0.1', port });
    const timer = setTimeout(() => {
      s.destroy();
      reject(new Error(`connect to ${port} timed out`));
    }, timeoutMs);
    s.once('connect', () => {
      clearTimeout(timer);
      s.removeListener('error', reject);
      s.on('error', () => {});
      resolve(s);
    });
    s.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

/** Writes `bytes`, optionally half-closes, and collects what comes back for `waitMs` or until the server closes. */
export async function tcpExchange(port: number, bytes: Buffer, opts: { halfClose?: boolean; waitMs?: number } = {}): Promise<{ received: Buffer; serverClosed: boolean }> {
  const s = await connect(port, 3000);
  const chunks: Buffer[] = [];
  let serverClosed = false;
  const closed = new Promise<void>((resolve) => s.on('close', () => resolve()));
  s.on('data', (d) => chunks.push(d));
  s.on('end', () => (serverClosed = true));
  s.write(bytes);
  if (opts.halfClose) s.end();
  await Promise.race([closed, sleep(opts.waitMs ?? 500)]);
  s.destroy();
  return { received: Buffer.concat(chunks), serverClosed };
}

/** Opens `n` connections; each sends `first` (maybe nothing) and then stays silent. */
export async function idleConnections(port: number, n: number, first = Buffer.alloc(0)): Promise<net.Socket[]> {
  const out: net.Socket[] = [];
  for (let i = 0; i < n; i++) {
    try {
      const s = await connect(port);
      if (first.length) s.write(first);
      out.push(s);
    } catch {
      break; // the server stopped accepting: that is allowed, crashing is not
    }
  }
  return out;
}

/** Sends `frame` one byte every `everyMs`, giving up after `maxMs`; returns the socket (null if it never connected). */
export async function slowSend(port: number, frame: Buffer, everyMs: number, maxMs: number): Promise<net.Socket | null> {
  let s: net.Socket;
  try {
    s = await connect(port);
  } catch {
    return null;
  }
  const t0 = Date.now();
  for (let i = 0; i < frame.length && Date.now() - t0 < maxMs && !s.destroyed; i++) {
    s.write(frame.subarray(i, i + 1));
    await sleep(everyMs);
  }
  return s;
}

export function destroyAll(sockets: (net.Socket | null)[]): void {
  for (const s of sockets) s?.destroy();
}
