// The resolv file (--resolv-file, /etc/resolv.conf by default): its nameservers become default servers at start
// and again after the file changes, with dnsmasq's log lines; side by side with dnsmasq 2.90 when installed.
// Upstreams listen on port 53 (a resolv file has no ports) at random 127.53.x.y addresses; never the real
// /etc/resolv.conf: every test names a temporary file.
import dgram from 'node:dgram';
import { existsSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseResolv } from '../../src/dns/resolv-file.js';
import { freePort } from '../differential/free-port.js';
import { ServerProcess } from '../differential/server-process.js';
import { askUdp, sleep, startForwarder } from './loopback.js';
import { a, decode, query, rcodeOf, reply } from './packets.js';

const DNSMASQ = process.env.DNSMASQ_BIN ?? '/usr/sbin/dnsmasq';
const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

describe('parseResolv', () => {
  it('takes the address of each nameserver line, port 53, in file order', () => {
    const text = [
      'search example.com', '# nameserver 127.0.0.9', 'nameserver 127.0.0.1', 'nameserver\t0::1  # comment',
      'nameserver 0.0.0.0', 'nameserver fe80::1%eth0', 'nameserver bogus', 'nameserver 127.1', 'nameserver',
      'options ndots:5', 'nameserver 127.0.0.1\r', 'domain x',
    ].join('\n');
    expect(parseResolv(text)).toEqual([
      { address: '127.0.0.1', port: 53, family: 4 },
      { address: '::1', port: 53, family: 6 },
      { address: '127.0.0.1', port: 53, family: 4 },
    ]);
    expect(parseResolv('')).toEqual([]);
  });
});

/** A UDP upstream on `address`#53 answering every A question with `answer`; undefined when port 53 cannot be bound. */
async function upstream53(address: string, answer: string): Promise<{ got: () => number } | undefined> {
  const sock = dgram.createSocket('udp4');
  let got = 0;
  sock.on('message', (q, rinfo) => {
    got++;
    sock.send(reply(q, { answers: [a(decode(q).questions[0]!.name, 0, answer)] }), rinfo.port, rinfo.address);
  });
  const ok = await new Promise<boolean>((resolve) => {
    sock.once('error', () => resolve(false));
    sock.bind(53, address, () => resolve(true));
  });
  if (!ok) {
    sock.close();
    return undefined;
  }
  cleanup.push(() => new Promise<void>((r) => sock.close(() => r())));
  return { got: () => got };
}

/** Two upstreams on port 53 (answering 192.0.2.1 and .2) and a temporary resolv file; undefined without port 53. */
async function setup(): Promise<{ ns: [string, string]; file: string; write: (text: string) => void } | undefined> {
  const net = `127.53.${1 + Math.floor(Math.random() * 250)}`;
  const ns: [string, string] = [`${net}.1`, `${net}.2`];
  if (!(await upstream53(ns[0], '192.0.2.1')) || !(await upstream53(ns[1], '192.0.2.2'))) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'resolv-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'resolv.conf');
  let stamp = Math.floor(Date.now() / 1000) - 100;
  // Each write gets a later mtime (whole seconds apart, so dnsmasq's second-granular check sees it too).
  const write = (text: string) => {
    writeFileSync(file, text);
    stamp += 10;
    utimesSync(file, stamp, stamp);
  };
  return { ns, file, write };
}

async function answerOf(port: number, name: string): Promise<string> {
  const r = await askUdp(port, query(name, 'A'), 2000);
  if (!r) return 'timeout';
  const d = decode(r);
  return d.answers.map((x) => String(x.data)).join(',') || `rcode ${rcodeOf(r)}`;
}

/** Log lines about servers and the resolv file, without timestamps and process ids. */
function serverLog(lines: readonly string[]): string[] {
  return lines.map((l) => l.replace(/^.*?dnsmasq(\[\d+\])?: /, '')).filter((l) => /^(reading|using|no servers|failed to access)/.test(l));
}

describe('the resolv file', () => {
  it('names the default servers at start and again after it changes, and logs as dnsmasq does', async (ctx) => {
    const s = await setup();
    if (!s) return ctx.skip();
    s.write(`search example\nnameserver ${s.ns[0]}\n`);
    const { fwd, port, lines } = await startForwarder({ cache: { size: 0 }, resolv: { files: [s.file], poll: true }, log: { queries: false, extra: false, facility: '-' } });
    cleanup.push(() => fwd.stop());
    await sleep(20);
    expect(serverLog(lines)).toEqual([`reading ${s.file}`, `using nameserver ${s.ns[0]}#53`]);
    expect(await answerOf(port, 'one.example')).toBe('192.0.2.1');

    s.write(`nameserver ${s.ns[1]}\n`);
    await sleep(1_100);
    expect(await answerOf(port, 'two.example')).toBe('192.0.2.2');
    await sleep(20);
    expect(serverLog(lines).slice(2)).toEqual([`reading ${s.file}`, `using nameserver ${s.ns[1]}#53`]);

    s.write('# no servers\n');
    await sleep(1_100);
    await answerOf(port, 'three.example');
    await sleep(20);
    expect(serverLog(lines).slice(4)).toEqual([`no servers found in ${s.file}, will retry`]);

    s.write(`nameserver ${s.ns[0]}\nnameserver ${s.ns[1]}\n`);
    await sleep(1_100);
    expect(await answerOf(port, 'four.example')).toMatch(/^192\.0\.2\.[12]$/);
    await sleep(20);
    expect(serverLog(lines).slice(5)).toEqual([`reading ${s.file}`, `using nameserver ${s.ns[0]}#53`, `using nameserver ${s.ns[1]}#53`]);
  });

  it('is read once with --no-poll (no reading line), and a missing file logs nothing at start', async (ctx) => {
    const s = await setup();
    if (!s) return ctx.skip();
    s.write(`nameserver ${s.ns[0]}\n`);
    const once = await startForwarder({ cache: { size: 0 }, resolv: { files: [s.file], poll: false }, log: { queries: false, extra: false, facility: '-' } });
    cleanup.push(() => once.fwd.stop());
    s.write(`nameserver ${s.ns[1]}\n`);
    await sleep(1_100);
    expect(await answerOf(once.port, 'one.example')).toBe('192.0.2.1');
    expect(serverLog(once.lines)).toEqual([`using nameserver ${s.ns[0]}#53`]);

    const missing = await startForwarder({ resolv: { files: [`${s.file}.missing`], poll: true }, log: { queries: false, extra: false, facility: '-' } });
    cleanup.push(() => missing.fwd.stop());
    await sleep(20);
    expect(missing.lines.filter((l) => !/^(started|compile)/.test(l))).toEqual([]);
  });
});

describe.skipIf(!existsSync(DNSMASQ))('the resolv file against dnsmasq 2.90', () => {
  it('gives the same server lines and the same answers before and after a change', async (ctx) => {
    const s = await setup();
    if (!s) return ctx.skip();
    s.write(`search example\nnameserver ${s.ns[0]}\n# nameserver 127.0.0.9\n`);
    const theirPort = await freePort();
    const dnsmasq = new ServerProcess(DNSMASQ, [
      '-k', `--port=${theirPort}`, '--listen-address=127.0.0.1', '--bind-interfaces', '--no-hosts', '--conf-file=/dev/null',
      '--user=root', '--pid-file=', '--log-facility=-', '--cache-size=0', `--resolv-file=${s.file}`, '--server=/local.test/127.0.0.1#9',
    ]);
    cleanup.push(() => dnsmasq.stop());
    expect(await dnsmasq.start()).toBe(true);
    const ours = await startForwarder({
      cache: { size: 0 }, resolv: { files: [s.file], poll: true }, log: { queries: false, extra: false, facility: '-' },
      routes: [{ domain: 'local.test', match: 'suffix', target: { kind: 'servers', servers: [{ address: '127.0.0.1', port: 9, family: 4 }] } }],
    });
    cleanup.push(() => ours.fwd.stop());
    await sleep(200);
    expect(serverLog(ours.lines)).toEqual(serverLog(dnsmasq.lines));
    expect(await answerOf(ours.port, 'one.example')).toBe(await answerOf(theirPort, 'one.example'));

    const before = [dnsmasq.lines.length, ours.lines.length] as const;
    s.write(`nameserver ${s.ns[1]}\n`);
    await sleep(1_100);
    const theirs = await answerOf(theirPort, 'two.example');
    expect(theirs).toBe('192.0.2.2');
    expect(await answerOf(ours.port, 'two.example')).toBe(theirs);
    await sleep(200);
    expect(serverLog(ours.lines.slice(before[1]))).toEqual(serverLog(dnsmasq.lines.slice(before[0])));

    // A file without nameservers: the same warning, and the same answer (the old resolv servers are gone).
    const emptied = [dnsmasq.lines.length, ours.lines.length] as const;
    s.write('# none\n');
    await sleep(1_100);
    const theirsEmpty = await answerOf(theirPort, 'three.example');
    expect(await answerOf(ours.port, 'three.example')).toBe(theirsEmpty);
    await sleep(200);
    expect(serverLog(ours.lines.slice(emptied[1]))).toEqual(serverLog(dnsmasq.lines.slice(emptied[0])));
    expect(theirsEmpty).toBe('rcode 5');
  });
});
