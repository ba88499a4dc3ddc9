/** One query to an upstream over TCP (used when the client asked over TCP), with a deadline. */
import type net from 'node:net';

export type TcpConnect = (address: string, port: number) => net.Socket;

export function tcpExchange(connect: TcpConnect, address: string, port: number, query: Buffer, timeoutMs: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const sock = connect(address, port);
    let acc: Buffer = Buffer.alloc(0);
    let settled = false;
    const finish = (err: Error | undefined, reply?: Buffer): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      sock.destroy();
      if (err) reject(err);
      else resolve(reply!);
    };
    const timer = setTimeout(() => finish(new Error('timeout')), timeoutMs);
    sock.on('connect', () => {
      const frame = Buffer.allocUnsafe(query.length + 2);
      frame.writeUInt16BE(query.length, 0);
      query.copy(frame, 2);
      sock.write(frame);
    });
    sock.on('data', (chunk: Buffer) => {
      acc = Buffer.concat([acc, chunk]);
      if (acc.length > 65_537) return finish(new Error('oversized reply'));
      if (acc.length >= 2 && acc.length >= 2 + acc.readUInt16BE(0)) finish(undefined, Buffer.from(acc.subarray(2, 2 + acc.readUInt16BE(0))));
    });
    sock.on('error', (e) => finish(e));
    sock.on('close', () => finish(new Error('connection closed')));
  });
}
