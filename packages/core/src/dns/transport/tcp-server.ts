/**
 * DNS over TCP for clients: 2-byte length framing, bounded buffers, an idle timeout and a connection limit.
 * Zero-length or oversized frames close the connection; every error ends only that connection.
 */
import net from 'node:net';

/** `hangUp` ends the connection once what was written is sent. */
export type TcpQueryHandler = (frame: Buffer, address: string, port: number, respond: (reply: Buffer) => void, hangUp: () => void) => void;

export interface TcpServerOptions {
  readonly maxConnections: number;
  readonly idleMs: number;
}

export const DEFAULT_TCP_OPTIONS: TcpServerOptions = { maxConnections: 128, idleMs: 10_000 };

const connections = new WeakMap<net.Server, Set<net.Socket>>();

export function createTcpServer(handler: TcpQueryHandler, opts: TcpServerOptions = DEFAULT_TCP_OPTIONS): net.Server {
  const open = new Set<net.Socket>();
  const server = net.createServer((sock) => {
    open.add(sock);
    sock.on('close', () => open.delete(sock));
    serveConnection(sock, handler, opts);
  });
  connections.set(server, open);
  server.maxConnections = opts.maxConnections;
  server.on('error', () => undefined);
  return server;
}

function serveConnection(sock: net.Socket, handler: TcpQueryHandler, opts: TcpServerOptions): void {
  let acc: Buffer = Buffer.alloc(0);
  const address = sock.remoteAddress ?? '';
  const port = sock.remotePort ?? 0;
  sock.setTimeout(opts.idleMs, () => sock.destroy());
  sock.setNoDelay(true);
  sock.on('error', () => sock.destroy());
  const respond = (reply: Buffer): void => {
    if (sock.destroyed || !sock.writable) return;
    const frame = Buffer.allocUnsafe(reply.length + 2);
    frame.writeUInt16BE(reply.length, 0);
    reply.copy(frame, 2);
    sock.write(frame);
  };
  const hangUp = (): void => {
    if (!sock.destroyed) sock.end();
  };
  sock.on('data', (chunk: Buffer) => {
    acc = acc.length === 0 ? chunk : Buffer.concat([acc, chunk]);
    while (acc.length >= 2) {
      const len = acc.readUInt16BE(0);
      if (len < 12) {
        sock.destroy();
        return;
      }
      if (acc.length < 2 + len) break;
      const frame = Buffer.from(acc.subarray(2, 2 + len));
      acc = acc.subarray(2 + len);
      try {
        handler(frame, address, port, respond, hangUp);
      } catch {
        sock.destroy();
        return;
      }
    }
  });
}

export function listenTcp(server: net.Server, port: number, address: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error): void => reject(err);
    server.once('error', onError);
    server.listen({ port, host: address, exclusive: true }, () => {
      server.off('error', onError);
      server.on('error', () => undefined);
      resolve();
    });
  });
}

/** Stops listening and ends every open connection. */
export function closeTcpServer(server: net.Server): Promise<void> {
  for (const sock of connections.get(server) ?? []) sock.destroy();
  return new Promise((resolve) => server.close(() => resolve()));
}
