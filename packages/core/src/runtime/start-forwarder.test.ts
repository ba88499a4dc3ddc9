import dgram from 'node:dgram';
import { describe, expect, it } from 'vitest';
import { DnsCache, KIND_NODATA, KIND_POSITIVE } from '../dns/cache.js';
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
