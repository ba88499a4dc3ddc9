/** A TCP DNS client for tests that also tells whether the server hung up after answering. */
import net from 'node:net';

export /** One TCP query; the reply, and whether the server closed the connection afterwards (within 3 s). */
function tcpAskAndClose(port: number, q: Buffer): Promise<{ reply: Buffer | null; closedByServer: boolean }> {
  return new Promise((resolve) => {
    const sock = net.connect({ host: '127.0.0.1', port });
    let acc = Buffer.alloc(0);
    let got: Buffer | null = null;
    const timer = setTimeout(() => {
      sock.destroy();
      resolve({ reply: got, closedByServer: false });
    }, 3000);
    sock.on('connect', () => sock.write(Buffer.concat([Buffer.from([q.length >> 8, q.length & 255]), q])));
    sock.on('data', (d) => {
      acc = Buffer.concat([acc, d]);
      if (!got && acc.length >= 2 && acc.length >= 2 + acc.readUInt16BE(0)) got = acc.subarray(2, 2 + acc.readUInt16BE(0));
    });
    sock.on('end', () => {
      clearTimeout(timer);
      sock.destroy();
      resolve({ reply: got, closedByServer: true });
    });
    sock.on('error', () => undefined);
  });
}

