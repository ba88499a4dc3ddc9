// An answer from the cache that does not fit the client's UDP size, measured on dnsmasq 2.90 and kept as a table:
// the same probe runs against the real dnsmasq (when installed) and against our forwarder. A fake upstream on
// 127.0.0.1 answers one name with 60 addresses (987 bytes), which reaches every client whole when forwarded; from
// the cache the answer holds the addresses that fit and sets TC. Loopback only.
import dgram from 'node:dgram';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forwarderCommand, type ForwarderCommand } from './forwarder-command.js';
import { freePort } from './free-port.js';
import { ServerProcess } from './server-process.js';

const DNSMASQ = process.env.DNSMASQ_BIN ?? '/usr/sbin/dnsmasq';
const ADDRESSES = 60;

/** What a client gets: addresses in the answer, TC, and the OPT size (null: no OPT). */
interface Seen {
  answers: number;
  tc: boolean;
  opt: number | null;
}

/** Per client UDP size (0: no EDNS), what the cached answer holds. */
type Probe = Record<string, Seen>;

const CLIENT_SIZES = [0, 512, 600, 1000, 1232, 4096];

function question(): Buffer {
  return Buffer.from([4, ...Buffer.from('many'), 5, ...Buffer.from('trunc'), 7, ...Buffer.from('example'), 0, 0, 1, 0, 1]);
}

function opt(size: number): Buffer {
  const o = Buffer.alloc(11);
  o.writeUInt16BE(41, 1);
  o.writeUInt16BE(size, 3);
  return o;
}

function query(ednsSize: number): Buffer {
  const header = Buffer.alloc(12);
  header.writeUInt16BE(0x4242, 0);
  header.writeUInt16BE(0x0100, 2);
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(ednsSize ? 1 : 0, 10);
  return Buffer.concat([header, question(), ednsSize ? opt(ednsSize) : Buffer.alloc(0)]);
}

function read(m: Buffer): Seen {
  const answers = m.readUInt16BE(6);
  let p = 12 + question().length;
  for (let i = 0; i < answers + m.readUInt16BE(8); i++) p += 12 + m.readUInt16BE(p + 10);
  const opt = m.readUInt16BE(10) > 0 && m.readUInt16BE(p + 1) === 41 ? m.readUInt16BE(p + 3) : null;
  return { answers, tc: (m.readUInt16BE(2) & 0x0200) !== 0, opt };
}

/** Answers every query with ADDRESSES A records (TTL 300) and an OPT of 4096. */
async function fakeUpstream(): Promise<{ port: number; close: () => Promise<void> }> {
  const sock = dgram.createSocket('udp4');
  sock.on('message', (m, rinfo) => {
    const header = Buffer.from(m.subarray(0, 12));
    header.writeUInt16BE(0x8180, 2);
    header.writeUInt16BE(ADDRESSES, 6);
    header.writeUInt16BE(0, 8);
    header.writeUInt16BE(1, 10);
    const records = Array.from({ length: ADDRESSES }, (_, i) => Buffer.from([0xc0, 12, 0, 1, 0, 1, 0, 0, 1, 44, 0, 4, 10, 0, i, 1]));
    sock.send(Buffer.concat([header, question(), ...records, opt(4096)]), rinfo.port, rinfo.address);
  });
  await new Promise<void>((r) => sock.bind(0, '127.0.0.1', () => r()));
  return { port: sock.address().port, close: () => new Promise((r) => sock.close(() => r())) };
}

async function probe(command: string): Promise<{ forwarded: Seen; cached: Probe }> {
  const up = await fakeUpstream();
  const port = await freePort();
  const server = new ServerProcess(command, [
    '-k', `--port=${port}`, '--listen-address=127.0.0.1', '--bind-interfaces', '--no-resolv', '--no-hosts', '--conf-file=/dev/null',
    '--pid-file=', '--log-facility=-', `--server=127.0.0.1#${up.port}`, '--edns-packet-max=4096',
  ]);
  const client = dgram.createSocket('udp4');
  try {
    if (!(await server.start())) throw new Error(`${command} did not start: ${server.lines.join('\n')}`);
    await new Promise<void>((r) => client.bind(0, '127.0.0.1', () => r()));
    const ask = (size: number): Promise<Seen> =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no answer at size ${size}`)), 2000);
        client.once('message', (m) => {
          clearTimeout(timer);
          resolve(read(m));
        });
        client.send(query(size), port, '127.0.0.1');
      });
    const forwarded = await ask(0);
    const cached: Probe = {};
    for (const size of CLIENT_SIZES) cached[size] = await ask(size);
    return { forwarded, cached };
  } finally {
    client.close();
    await server.stop();
    await up.close();
  }
}

/** dnsmasq 2.90 (Debian 2.90-4~deb12u2), 2026-12-07, --edns-packet-max=4096. */
const MEASURED = {
  // forwarded: whole, and the upstream's OPT capped at packet-max even for a client without EDNS (edns-size.test.ts)
  forwarded: { answers: ADDRESSES, tc: false, opt: 4096 },
  cached: {
    // 36 bytes of header and question + 29 addresses of 16 bytes = 500; a 30th would pass 512
    0: { answers: 29, tc: true, opt: null },
    // an OPT record would still fit in 512, but a truncated answer gets none
    512: { answers: 29, tc: true, opt: null },
    600: { answers: 35, tc: true, opt: null },
    // all 60 addresses take 996 bytes: no room for the OPT record, and no TC for its sake
    1000: { answers: ADDRESSES, tc: false, opt: null },
    1232: { answers: ADDRESSES, tc: false, opt: 4096 },
    4096: { answers: ADDRESSES, tc: false, opt: 4096 },
  },
};

describe('a cached answer larger than the client takes', () => {
  let ours: ForwarderCommand | undefined;
  beforeAll(async () => {
    ours = await forwarderCommand();
  });
  afterAll(() => ours?.dispose());

  it('kube-dns-tools forward cuts it where dnsmasq 2.90 did, with TC', async () => {
    expect(await probe(ours!.command)).toEqual(MEASURED);
  });
  it.skipIf(!existsSync(DNSMASQ))('the real dnsmasq still does what the table says', async () => {
    expect(await probe(DNSMASQ)).toEqual(MEASURED);
  });
});
