// Loopback helpers: a free port, and a wait for a server to really answer.
import * as dgram from 'node:dgram';
import * as net from 'node:net';

export function freePort() {
  return new Promise((resolve) => {
    const udp = dgram.createSocket('udp4');
    udp.bind(0, '127.0.0.1', () => {
      const port = udp.address().port;
      const tcp = net.createServer();
      tcp.once('error', () => udp.close(() => resolve(freePort())));
      tcp.listen(port, '127.0.0.1', () => tcp.close(() => udp.close(() => resolve(port))));
    });
  });
}

function aQuery(name, id) {
  const labels = name.split('.').flatMap((l) => [Buffer.from([l.length]), Buffer.from(l)]);
  return Buffer.concat([Buffer.from([id >> 8, id & 0xff, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0]), ...labels, Buffer.from([0, 0, 1, 0, 1])]);
}

/** Resolves once 127.0.0.1:port answers an A query with NOERROR; rejects after `timeoutMs`. */
export async function waitForAnswer(port, name, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await new Promise((resolve) => {
      const s = dgram.createSocket('udp4');
      const t = setTimeout(() => finish(false), 300);
      const finish = (v) => {
        clearTimeout(t);
        s.close();
        resolve(v);
      };
      s.on('message', (m) => finish(m.length >= 4 && (m[3] & 0x0f) === 0 && m.readUInt16BE(6) > 0));
      s.on('error', () => finish(false));
      s.send(aQuery(name, 0x4b1d), port, '127.0.0.1');
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nothing answered ${name} on 127.0.0.1#${port} within ${timeoutMs} ms`);
}
