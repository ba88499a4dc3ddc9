import { describe, expect, it } from 'vitest';
import { parseArgv } from '@kube-dns-tools/core/dnsmasq/argv';
import { toForwarderConfig } from '@kube-dns-tools/core/dnsmasq/config';
import { isLoopback, loopbackConfig } from './loopback-config.js';
import { manifestArgv } from './manifest-argv.js';

const INCIDENT = ['-k', '--cache-size=1000', '--no-resolv', '--server=/cluster.local/127.0.0.1#10053', '--server=10.36.8.40'];
const configOf = (words: string[], upstreams: string[] = []) => toForwarderConfig(parseArgv(words), { upstreams }).config;

describe('loopbackConfig', () => {
  it('knows loopback addresses', () => {
    expect(['127.0.0.1', '127.5.6.7', '::1', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1'].every(isLoopback)).toBe(true);
    expect(['10.36.8.40', '128.0.0.1', '::2', 'fe80::1', '1.127.0.0'].some(isLoopback)).toBe(false);
  });

  it("refuses the manifest's cluster upstream, naming it", () => {
    expect(() => loopbackConfig(configOf(INCIDENT), 5353)).toThrow(/10\.36\.8\.40#53/);
  });

  it('runs on 127.0.0.1 with loopback upstreams replacing the default servers', () => {
    const config = loopbackConfig(configOf(INCIDENT, ['127.0.0.1#5300']), 5353);
    expect(config.listen).toEqual(['127.0.0.1']);
    expect(config.port).toBe(5353);
    expect(config.defaultServers).toEqual([{ address: '127.0.0.1', port: 5300, family: 4 }]);
    expect(config.cache.size).toBe(1000);
  });

  it('refuses a domain route to a non-loopback server even with upstreams given', () => {
    expect(() => loopbackConfig(configOf(['--server=/corp/10.1.2.3', '--server=127.0.0.1']), 5353)).toThrow(/10\.1\.2\.3/);
  });

  it('reads the argv of the first dnsmasq container, after the nanny --', () => {
    const text = `kind: Deployment
spec:
  template:
    spec:
      containers:
      - name: dnsmasq
        image: registry.k8s.io/dns/k8s-dns-dnsmasq-nanny:1.23.0
        args: ["-v=2", "--", "-k", "--cache-size=1000", "--server=10.36.8.40"]
`;
    expect(manifestArgv(text, 'x.yaml').words).toEqual(['-k', '--cache-size=1000', '--server=10.36.8.40']);
    expect(() => manifestArgv('kind: ConfigMap\n', 'x.yaml')).toThrow(/no dnsmasq container/);
  });
});
