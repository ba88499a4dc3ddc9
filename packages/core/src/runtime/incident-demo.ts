/**
 * The demo itself: for each argv (without, then with -N) a fresh forwarder on 127.0.0.1 asks for repo1.maven.org
 * while the upstream is healthy, after the address expired while it is flaky, and again after it recovered.
 */
import dgram from 'node:dgram';
import { QueryLog } from '../dns/querylog.js';
import { startForwarder } from './start-forwarder.js';
import { addressText } from '../dns/wire/rdata.js';
import { parseReply } from '../dns/wire/reply-reader.js';
import dnsPacket from 'dns-packet';
import { ADDRESS_TTL, CHAIN, FlakyUpstream, type UpstreamMood } from './incident-upstream.js';

type Write = (text: string) => void;

const STEPS: readonly { mood: UpstreamMood; label: string }[] = [
  { mood: 'healthy', label: 'upstream healthy' },
  { mood: 'flaky', label: 'upstream flaky: NODATA without SOA (after the address TTL ran out)' },
  { mood: 'healthy', label: 'upstream recovered' },
];

function ask(port: number, name: string): Promise<Buffer | null> {
  return new Promise((resolve) => {
    const sock = dgram.createSocket('udp4');
    const done = (b: Buffer | null): void => {
      clearTimeout(timer);
      sock.close();
      resolve(b);
    };
    const timer = setTimeout(() => done(null), 1500);
    sock.on('message', (b) => done(b));
    const q = dnsPacket.encode({ type: 'query', id: 7, flags: dnsPacket.RECURSION_DESIRED, questions: [{ name, type: 'A' }] });
    sock.bind(0, '127.0.0.1', () => sock.send(q, port, '127.0.0.1'));
  });
}

/** `151.101.40.209` or `NODATA` / `no answer`. */
function outcome(buf: Buffer | null): string {
  if (!buf) return 'no answer';
  const reply = parseReply(buf);
  const a = reply?.records.find((r) => r.section === 0 && r.type === 1);
  return a ? addressText(buf, a.rdOffset, a.rdLength) : 'NODATA (no address)';
}

async function runOnce(upstreamPort: number, upstream: FlakyUpstream, withN: boolean, write: Write): Promise<string[]> {
  const words = ['-q', '--no-resolv', '--listen-address=127.0.0.1', '--port=0', `--server=127.0.0.1#${upstreamPort}`, ...(withN ? ['-N'] : [])];
  write(`\n== dnsmasq ${words.join(' ')}\n`);
  let log: QueryLog | undefined;
  const forwarder = await startForwarder(words, {
    tuneMemory: false,
    forwarder: (config) => {
      log = new QueryLog(config.log, (text) => write(text.replace(/^dnsmasq\[\d+\]: /gm, '     | ')));
      return { log, upstreamSockets: 2 };
    },
  });
  const results: string[] = [];
  try {
    const port = forwarder.addresses[0]!.port;
    for (const [i, step] of STEPS.entries()) {
      upstream.mood = step.mood;
      if (i === 1) await new Promise((r) => setTimeout(r, ADDRESS_TTL * 1000 + 150));
      log?.flush();
      const result = outcome(await ask(port, CHAIN[0]));
      await new Promise((r) => setImmediate(r));
      log?.flush();
      write(`  ${i + 1}. ${step.label}: ${CHAIN[0]} -> ${result}\n`);
      results.push(result);
    }
  } finally {
    await forwarder.stop();
  }
  return results;
}

export async function runDemo(write: Write): Promise<number> {
  const upstream = new FlakyUpstream();
  const port = await upstream.start();
  try {
    write(`kube-dns-tools demo: the kube-dns incident, replayed on loopback (fake upstream 127.0.0.1#${port})\n`);
    const without = await runOnce(port, upstream, false, write);
    const withN = await runOnce(port, upstream, true, write);
    const stuck = !/^\d/.test(without[2] ?? '');
    const recovered = /^\d/.test(withN[2] ?? '');
    write('\nVerdict:\n');
    write(
      stuck
        ? `  without -N: the flaky NODATA was cached (cached ${CHAIN[2]} is NODATA-IPv4, for the 120 s CNAME TTL) and kept being served after the upstream recovered.\n`
        : '  without -N: the forwarder recovered (unexpected: the NODATA was not cached).\n',
    );
    write(
      recovered
        ? '  with -N:    the bad reply was passed on once and the next query got the recovered answer.\n'
        : '  with -N:    the forwarder did not recover (unexpected).\n',
    );
    write('  Fix: add --no-negcache (-N) to the dnsmasq arguments (`kube-dns-tools lint --fix` does it).\n');
    return 0;
  } finally {
    await upstream.stop();
  }
}
