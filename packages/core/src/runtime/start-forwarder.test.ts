import dgram from 'node:dgram';
import { describe, expect, it } from 'vitest';
import { DnsCache, KIND_NODATA, KIND_POSITIVE } from '../dns/cache/cache.js';
import { ManualClock } from '../dns/clock.js';
import { nodeSockets, type SocketFactory } from '../dns/transport/socket-factory.js';
import { QueryLog } from '../dns/querylog.js';
import { cacheEntries, forwarderStats } from './cache-entries.js';
import { ForwarderStartError, startForwarder } from './start-forwarder.js';

describe('startForwarder', () => {
  it('refuses what dnsmasq would refuse, at the argv stage, in one line', async () => {
    const error = await startForwarder(['--cache-size', '--no-resolv'], { tuneMemory: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ForwarderStartError);
    expect((error as ForwarderStartError).stage).toBe('argv');
    expect((error as Error).message).toBe('dnsmasq would refuse this argv: bad command line options: try --help (at "--cache-size")');
  });

  it('opens every socket through the factory it is given and keeps the time of the clock it is given', async () => {
    // An upstream on loopback answering every A query with 192.0.2.1, TTL 60.
    const upstream = dgram.createSocket('udp4');
    let asked = 0;
    upstream.on('message', (q, rinfo) => {
      asked++;
      const answer = Buffer.from('c00c000100010000003c0004c0000201', 'hex');
      const out = Buffer.concat([q, answer]);
      out.writeUInt16BE(0x8180, 2);
      out.writeUInt16BE(1, 6);
      upstream.send(out, rinfo.port, rinfo.address);
    });
    await new Promise<void>((r) => upstream.bind(0, '127.0.0.1', () => r()));
    const opened: string[] = [];
    const sockets: SocketFactory = {
      ...nodeSockets,
      udpBatch: null,
      udp: (family) => (opened.push(`udp${family}`), nodeSockets.udp(family)),
      listenTcp: (server, port, address) => (opened.push(`tcp ${address}`), nodeSockets.listenTcp(server, port, address)),
    };
    const clock = new ManualClock(1_000_000);
    const forwarder = await startForwarder(['--no-resolv', '--port=0', '--listen-address=127.0.0.1', `--server=127.0.0.1#${upstream.address().port}`], {
      tuneMemory: false,
      sockets,
      clock,
      forwarder: (config) => ({ log: new QueryLog(config.log, () => undefined) }),
    });
    const client = dgram.createSocket('udp4');
    const ask = (): Promise<Buffer> => new Promise((resolve) => {
      client.once('message', (m) => resolve(m));
      client.send(Buffer.from('abcd01000001000000000000076578616d706c6503636f6d0000010001', 'hex'), forwarder.addresses[0]!.port, '127.0.0.1');
    });
    try {
      expect(opened).toEqual(['udp4', 'tcp 127.0.0.1']);
      expect((await ask()).readUInt16BE(6)).toBe(1);
      // The forward's socket (node:dgram: this factory has no native binding) came from the factory too.
      expect(opened).toEqual(['udp4', 'tcp 127.0.0.1', 'udp4']);
      await ask();
      expect(asked).toBe(1); // from the cache
      clock.advance(61_000);
      await ask();
      expect(asked).toBe(2); // expired by the clock given, not by the system's
    } finally {
      client.close();
      upstream.close();
      await forwarder.stop();
    }
  });

  it('adapts the config, reports warnings, and starts on loopback; a failure of the adapter is a start error', async () => {
    const warnings: string[] = [];
    const lines: string[] = [];
    const forwarder = await startForwarder(['--no-resolv', '--port=0', '--listen-address=127.0.0.1', '--server=dns.example.com'], {
      tuneMemory: false,
      upstreams: ['127.0.0.1#9'],
      warn: (w) => warnings.push(w),
      adapt: (config) => ({ ...config, cache: { ...config.cache, size: 7 } }),
      forwarder: (config) => ({ log: new QueryLog(config.log, (t) => lines.push(t)), upstreamSockets: 1 }),
    });
    try {
      expect(forwarder.config.cache.size).toBe(7);
      expect(forwarder.config.defaultServers).toEqual([{ address: '127.0.0.1', port: 9, family: 4 }]);
      expect(warnings.join('\n')).toMatch(/dns\.example\.com/);
      expect(forwarder.addresses[0]?.address).toBe('127.0.0.1');
      const stats = forwarderStats(forwarder, Date.now());
      expect(stats).toMatchObject({ hits: 0, misses: 0, entries: 0, negatives: 0, upstreams: [] });
    } finally {
      await forwarder.stop();
    }
    const refused = await startForwarder(['--no-resolv', '--port=0'], { tuneMemory: false, adapt: () => { throw new Error('not approved: 10.36.8.40#53'); } }).catch((e: unknown) => e);
    expect((refused as ForwarderStartError).stage).toBe('start');
    expect((refused as Error).message).toBe('not approved: 10.36.8.40#53');
  });

  it('a port in use is a start error naming the address', async () => {
    const holder = dgram.createSocket('udp4');
    await new Promise<void>((r) => holder.bind(0, '127.0.0.1', () => r()));
    try {
      const error = await startForwarder(['--no-resolv', `--port=${holder.address().port}`, '--listen-address=127.0.0.1'], { tuneMemory: false }).catch((e: unknown) => e);
      expect((error as ForwarderStartError).stage).toBe('start');
      expect((error as Error).message).toMatch(/127\.0\.0\.1: Address already in use/);
    } finally {
      holder.close();
    }
  });
});

describe('cacheEntries', () => {
  it('lists positive and negative entries with the seconds left, negative ones marked', () => {
    const cache = new DnsCache(10);
    const now = 1_000_000;
    cache.insert('sonatype.map.fastly.net', 'sonatype.map.fastly.net', 1, KIND_NODATA, 120, now);
    cache.insert('central.maven.org', 'central.maven.org', 5, KIND_POSITIVE, 120, now, undefined, 'sonatype.map.fastly.net');
    cache.insert('a.example', 'A.example', 1, KIND_POSITIVE, 30, now, Buffer.from([192, 0, 2, 7]));
    expect(cacheEntries(cache, now + 10_500)).toEqual([
      { name: 'A.example', type: 'A', kind: 'positive', ttl: 20, data: '192.0.2.7' },
      { name: 'central.maven.org', type: 'CNAME', kind: 'positive', ttl: 110, data: 'sonatype.map.fastly.net' },
      { name: 'sonatype.map.fastly.net', type: 'A', kind: 'nodata', ttl: 110, data: '' },
    ]);
  });
});
