import { describe, expect, it } from 'vitest';
import { probeTargets } from './probe-targets.js';

const manifest = {
  filePath: 'kube-dns.yaml',
  text: `kind: Deployment
spec:
  template:
    spec:
      containers:
      - name: dnsmasq
        image: registry.k8s.io/dns/k8s-dns-dnsmasq-nanny:1.23.0
        args: ["--", "--no-resolv", "--server=/cluster.local/127.0.0.1#10053", "--server=/corp/10.1.1.1", "--server=10.36.8.40"]
`,
};

describe('probeTargets', () => {
  it('asks loopback servers only: the manifest cluster upstreams are listed as skipped', () => {
    const { targets, skipped } = probeTargets(manifest, []);
    expect([...targets.keys()]).toEqual(['127.0.0.1#10053']);
    expect(skipped.sort()).toEqual(['10.1.1.1#53', '10.36.8.40#53']);
  });

  it('replaces the default servers with the configured upstreams', () => {
    const { targets, skipped } = probeTargets(manifest, ['127.0.0.1#5300']);
    expect([...targets.keys()].sort()).toEqual(['127.0.0.1#10053', '127.0.0.1#5300']);
    expect(skipped).toEqual(['10.1.1.1#53']);
  });

  it('works without a manifest, and names a bad upstream setting', () => {
    expect([...probeTargets(undefined, ['::1#53']).targets.keys()]).toEqual(['::1#53']);
    expect(() => probeTargets(undefined, ['127.0.0.1:53'])).toThrow(/127\.0\.0\.1:53/);
  });
});
