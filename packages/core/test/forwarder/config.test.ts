import { describe, expect, it } from 'vitest';
import { parseArgv } from '../../src/dnsmasq/argv/argv.js';
import { ConfigError, toForwarderConfig } from '../../src/dnsmasq/config.js';

const configOf = (words: string[], upstreams?: string[]) => toForwarderConfig(parseArgv(words), upstreams ? { upstreams } : {});

describe('toForwarderConfig', () => {
  it('reads the kube-dns argv', () => {
    const { config, warnings } = configOf([
      '-k', '--cache-size=1000', '--no-negcache', '--log-facility=-', '--server=/cluster.local/127.0.0.1#10053',
      '--server=/in-addr.arpa/127.0.0.1#10053', '--server=/ip6.arpa/127.0.0.1#10053', '--server=10.36.8.40', '--no-resolv',
    ]);
    expect(config.cache.size).toBe(1000);
    expect(config.cache.negCache).toBe(false);
    expect(config.defaultServers).toEqual([{ address: '10.36.8.40', port: 53, family: 4 }]);
    expect(config.routes.map((r) => r.domain)).toEqual(['cluster.local', 'in-addr.arpa', 'ip6.arpa']);
    expect(config.listen).toEqual(['127.0.0.1']);
    expect(config.port).toBe(53);
    expect(warnings).toEqual([]);
  });

  it('--upstream replaces the default servers only', () => {
    const { config } = configOf(['--server=/cluster.local/127.0.0.1#10053', '--server=10.36.8.40'], ['127.0.0.1#5300']);
    expect(config.defaultServers).toEqual([{ address: '127.0.0.1', port: 5300, family: 4 }]);
    expect(config.routes).toHaveLength(1);
  });

  it('reads numbers as dnsmasq does: empty is 0, min-cache-ttl capped at 3600, cache-size capped', () => {
    const { config } = configOf(['--cache-size=', '--min-cache-ttl=7200', '--neg-ttl=60', '--max-ttl=10', '--no-resolv']);
    expect(config.cache.size).toBe(0);
    expect(config.cache.minCacheTtl).toBe(3600);
    expect(config.cache.negTtl).toBe(60);
    expect(config.cache.maxTtl).toBe(10);
    expect(configOf(['-c', '9999999999', '--no-resolv']).config.cache.size).toBeLessThanOrEqual(5_000_000);
  });

  it('optional-argument options take their defaults when bare', () => {
    const { config } = configOf(['--fast-dns-retry', '--use-stale-cache', '--log-queries=extra', '--no-resolv']);
    expect(config.forwarding.fastRetry).toEqual({ initialMs: 1000, totalMs: 10_000 });
    expect(config.cache.useStale).toBe(86_400);
    expect(config.log).toMatchObject({ queries: true, extra: true });
    expect(configOf(['--fast-dns-retry=200,3000', '--no-resolv']).config.forwarding.fastRetry).toEqual({ initialMs: 200, totalMs: 3000 });
  });

  it('translates --local, --address, --rev-server, wildcards, // and --cache-rr', () => {
    const { config } = configOf([
      '--local=/home.lan/', '--address=/ads.example/192.0.2.99', '--rev-server=10.0.0.0/8,127.0.0.1#53',
      '--server=/*example.net/127.0.0.1', '--server=//127.0.0.1#5301', '--cache-rr=TXT,MX', '--no-resolv',
    ]);
    expect(config.routes).toEqual([
      { domain: 'home.lan', match: 'suffix', target: { kind: 'local' } },
      { domain: 'ads.example', match: 'suffix', target: { kind: 'address', family: 4, address: '192.0.2.99' } },
      { domain: '10.in-addr.arpa', match: 'suffix', target: { kind: 'servers', servers: [{ address: '127.0.0.1', port: 53, family: 4 }] } },
      { domain: 'example.net', match: 'wildcard', target: { kind: 'servers', servers: [{ address: '127.0.0.1', port: 53, family: 4 }] } },
      { domain: '', match: 'unqualified', target: { kind: 'servers', servers: [{ address: '127.0.0.1', port: 5301, family: 4 }] } },
    ]);
    expect(config.cache.extraTypes).toEqual(new Set([16, 15]));
  });

  it('ignores daemon-only options silently and names unimplemented DNS options', () => {
    const { warnings } = configOf(['-k', '-d', '--pid-file=', '--user=root', '--conf-file=/dev/null', '--bind-interfaces', '--dnssec', '--no-resolv']);
    expect(warnings).toEqual(['--dnssec is not implemented by this forwarder and is ignored']);
  });

  it('reads the resolv file unless --no-resolv (or --upstream) says otherwise, as dnsmasq does', () => {
    expect(configOf([]).config.resolv).toEqual({ files: ['/etc/resolv.conf'], poll: true });
    expect(configOf([]).warnings).toEqual([]);
    expect(configOf(['--resolv-file=/tmp/a', '-r', '/tmp/b', '--no-poll']).config.resolv).toEqual({ files: ['/tmp/a', '/tmp/b'], poll: false });
    expect(configOf(['--resolv-file=']).config.resolv).toEqual({ files: [], poll: true });
    expect(configOf(['--no-resolv', '--resolv-file=/tmp/a']).config.resolv).toBeUndefined();
    expect(configOf([], ['127.0.0.1#5300']).config.resolv).toBeUndefined();
  });

  it('bad values are errors that name the option', () => {
    expect(() => configOf(['--upstream-is-not-here'], ['example#x'])).toThrow(ConfigError);
    expect(() => configOf(['--fast-dns-retry=10'])).toThrow(/--fast-dns-retry/);
  });
});
