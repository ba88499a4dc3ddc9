// Finds a loopback port that is free for both UDP and TCP.
import * as dgram from 'node:dgram';
import * as net from 'node:net';

function tryOnce(host: string): Promise<number | null> {
  return new Promise((resolve) => {
    const udp = dgram.createSocket('udp4');
    udp.bind(0, host, () => {
      const port = udp.address().port;
      const tcp = net.createServer();
      tcp.once('error', () => udp.close(() => resolve(null)));
      tcp.listen(port, host, () => tcp.close(() => udp.close(() => resolve(port))));
    });
  });
}

export async function freePort(host = '127.0.0.1'): Promise<number> {
  for (let i = 0; i < 50; i++) {
    const port = await tryOnce(host);
    if (port !== null) return port;
  }
  throw new Error(`no free UDP+TCP port on ${host} after 50 tries`);
}
