// EDNS payload sizes (--edns-packet-max), measured on dnsmasq 2.90 on 2026-11-26 and kept here as a table:
// the same probe runs against the real dnsmasq (when installed) and against our forwarder, so the table
// cannot drift from either. Loopback only: a fake upstream on 127.0.0.1 answers every query.
import dgram from 'node:dgram';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forwarderCommand, type ForwarderCommand } from './forwarder-command.js';
import { freePort } from './free-port.js';
import { ServerProcess } from './server-process.js';

const DNSMASQ = process.env.DNSMASQ_BIN ?? '/usr/sbin/dnsmasq';

interface Probe {
  /** OPT size in the query the upstream received, per client size. */
  forwarded: Record<number, number>;
  /** OPT size the client gets: upstream replied with OPT 4000 / 100; the client sent none / 800. */
  replyUp4000NoEdns: number | null;
  replyUp100Edns800: number | null;
  /** OPT size in answers from the cache and from --address. */
  cached: number | null;
  local: number | null;
}

const CLIENT_SIZES = [4096, 1500, 1232, 1000, 800, 512, 300, 100];

/** What dnsmasq 2.90 did, per --edns-packet-max (undefined: not given). */
const MEASURED: [string | undefined, Probe][] = [
  [undefined, { forwarded: { 4096: 1232, 1500: 1232, 1232: 1232, 1000: 1000, 800: 800, 512: 512, 300: 512, 100: 512 }, replyUp4000NoEdns: 1232, replyUp100Edns800: 100, cached: 1232, local: 1232 }],
  ['1000', { forwarded: { 4096: 1000, 1500: 1000, 1232: 1000, 1000: 1000, 800: 800, 512: 512, 300: 512, 100: 512 }, replyUp4000NoEdns: 1000, replyUp100Edns800: 100, cached: 1000, local: 1000 }],
  ['4096', { forwarded: { 4096: 4096, 1500: 1500, 1232: 1232, 1000: 1000, 800: 800, 512: 512, 300: 512, 100: 512 }, replyUp4000NoEdns: 4000, replyUp100Edns800: 100, cached: 4096, local: 4096 }],
  ['300', { forwarded: { 4096: 512, 1500: 512, 1232: 512, 1000: 512, 800: 512, 512: 512, 300: 512, 100: 512 }, replyUp4000NoEdns: 512, replyUp100Edns800: 100, cached: 512, local: 512 }],
  ['70000', { forwarded: { 4096: 4096, 1500: 1500, 1232: 1232, 1000: 1000, 800: 800, 512: 512, 300: 512, 100: 512 }, replyUp4000NoEdns: 4000, replyUp100Edns800: 100, cached: 4464, local: 4464 }],
];

function name(label: string): Buffer {
  return Buffer.from([label.length, ...Buffer.from(label, 'latin1'), 4, ...Buffer.from('edns', 'latin1'), 7, ...Buffer.from('example', 'latin1'), 0]);
}

function query(label: string, ednsSize: number): Buffer {
  const header = Buffer.alloc(12);
  header.writeUInt16BE(0x1234, 0);
  header.writeUInt16BE(0x0100, 2);
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(ednsSize ? 1 : 0, 10);
  return Buffer.concat([header, name(label), Buffer.from([0, 1, 0, 1]), ednsSize ? opt(ednsSize) : Buffer.alloc(0)]);
}

function opt(size: number): Buffer {
  const o = Buffer.alloc(11);
  o.writeUInt16BE(41, 1);
  o.writeUInt16BE(size, 3);
  return o;
}

/** The first label of the question, and the size of the message's OPT record (null: none). */
function read(m: Buffer): { label: string; optSize: number | null } {
  const label = m.toString('latin1', 13, 13 + m[12]!);
  let p = 12;
  while (m[p] !== 0) p += m[p]! + 1;
  p += 5;
  const records = m.readUInt16BE(6) + m.readUInt16BE(8) + m.readUInt16BE(10);
  for (let i = 0; i < records; i++) {
    while (m[p] !== 0 && (m[p]! & 0xc0) !== 0xc0) p += m[p]! + 1;
    p += (m[p]! & 0xc0) === 0xc0 ? 2 : 1;
    if (m.readUInt16BE(p) === 41) return { label, optSize: m.readUInt16BE(p + 2) };
    p += 10 + m.readUInt16BE(p + 8);
  }
  return { label, optSize: null };
}

/** Answers every A query with 192.0.2.1 (TTL 300) and an OPT whose size the label picks (`u100-*`: 100, else 4000). */
async function fakeUpstream(): Promise<{ port: number; seen: Map<string, number | null>; close: () => Promise<void> }> {
  const sock = dgram.createSocket('udp4');
  const seen = new Map<string, number | null>();
  sock.on('message', (m, rinfo) => {
    const { label, optSize } = read(m);
    seen.set(label, optSize);
    let end = 12;
    while (m[end] !== 0) end += m[end]! + 1;
    end += 5;
    const header = Buffer.from(m.subarray(0, 12));
    header.writeUInt16BE(0x8180, 2);
    header.writeUInt16BE(1, 6);
    header.writeUInt16BE(0, 8);
    header.writeUInt16BE(1, 10);
    const answer = Buffer.from([0xc0, 12, 0, 1, 0, 1, 0, 0, 1, 44, 0, 4, 192, 0, 2, 1]);
    sock.send(Buffer.concat([header, m.subarray(12, end), answer, opt(label.startsWith('u100-') ? 100 : 4000)]), rinfo.port, rinfo.address);
  });
  await new Promise<void>((r) => sock.bind(0, '127.0.0.1', () => r()));
  return { port: sock.address().port, seen, close: () => new Promise((r) => sock.close(() => r())) };
}

async function probe(command: string, packetMax: string | undefined): Promise<Probe> {
  const up = await fakeUpstream();
  const port = await freePort();
  const server = new ServerProcess(command, [
    '-k', `--port=${port}`, '--listen-address=127.0.0.1', '--bind-interfaces', '--no-resolv', '--no-hosts', '--conf-file=/dev/null',
    '--pid-file=', '--log-facility=-', `--server=127.0.0.1#${up.port}`, '--address=/local.edns.example/192.0.2.9',
    ...(packetMax === undefined ? [] : [`--edns-packet-max=${packetMax}`]),
  ]);
  const client = dgram.createSocket('udp4');
  try {
    if (!(await server.start())) throw new Error(`${command} did not start: ${server.lines.join('\n')}`);
    await new Promise<void>((r) => client.bind(0, '127.0.0.1', () => r()));
    const ask = (label: string, size: number): Promise<number | null> =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no answer for ${label}`)), 2000);
        client.once('message', (m) => {
          clearTimeout(timer);
          resolve(read(m).optSize);
        });
        client.send(query(label, size), port, '127.0.0.1');
      });
    for (const size of CLIENT_SIZES) await ask(`c${size}`, size);
    const forwarded = Object.fromEntries(CLIENT_SIZES.map((size) => [size, up.seen.get(`c${size}`) ?? -1]));
    return {
      forwarded,
      replyUp4000NoEdns: await ask('plain', 0),
      replyUp100Edns800: await ask('u100-x', 800),
      cached: await ask('plain', 4096),
      local: await ask('local', 4096),
    };
  } finally {
    client.close();
    await server.stop();
    await up.close();
  }
}

describe('EDNS payload sizes and --edns-packet-max', () => {
  let ours: ForwarderCommand | undefined;
  beforeAll(async () => {
    ours = await forwarderCommand();
  });
  afterAll(() => ours?.dispose());

  describe.each(MEASURED)('--edns-packet-max=%s', (packetMax, measured) => {
    it('kube-dns-tools forward sizes OPT records as dnsmasq 2.90 did', async () => {
      expect(await probe(ours!.command, packetMax)).toEqual(measured);
    });
    it.skipIf(!existsSync(DNSMASQ))('the real dnsmasq still does what the table says', async () => {
      expect(await probe(DNSMASQ, packetMax)).toEqual(measured);
    });
  });
});
