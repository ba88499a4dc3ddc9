import { describe, expect, it } from 'vitest';
import { upstreamsFromManifest } from './manifest-upstreams.js';

const deployment = (args: string[]) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: kube-dns
spec:
  template:
    spec:
      containers:
      - name: dnsmasq
        image: k8s.gcr.io/k8s-dns-dnsmasq-nanny-amd64:1.14.8
        args:
${args.map((a) => `        - ${a}`).join('\n')}
`;

describe('upstreamsFromManifest', () => {
  it('collects every address dnsmasq forwards to, once each, in argv order', () => {
    const text = deployment(['-v=2', '-logtostderr', '-restartDnsmasq=true', '--', '-k', '--cache-size=1000',
      '--server=/cluster.local/127.0.0.1#10053', '--server=/in-addr.arpa/127.0.0.1#10053', '--server=10.36.8.40', '--rev-server=10.0.0.0/8,10.36.8.41#5353']);
    const { targets, notes } = upstreamsFromManifest(text, 'kube-dns.yaml');
    expect(targets.map((t) => `${t.address}#${t.port}`)).toEqual(['127.0.0.1#10053', '10.36.8.40#53', '10.36.8.41#5353']);
    expect(notes).toEqual([]);
  });

  it('notes what it cannot probe', () => {
    const text = deployment(['--', '--server=dns.example.com', '--server={{ .Upstream }}', '--server=10.0.0.10']);
    const { targets, notes } = upstreamsFromManifest(text, 'x.yaml');
    expect(targets.map((t) => t.address)).toEqual(['10.0.0.10']);
    expect(notes.join('\n')).toMatch(/dns\.example\.com names a host/);
    expect(notes.join('\n')).toMatch(/template placeholder/);
  });

  it('names the file when there is nothing to probe', () => {
    expect(() => upstreamsFromManifest('kind: ConfigMap\n', 'cm.yaml')).toThrow(/cm\.yaml: no dnsmasq container found/);
    expect(() => upstreamsFromManifest(deployment(['--', '--cache-size=1000']), 'd.yaml')).toThrow(/d\.yaml: the dnsmasq arguments name no upstream address/);
  });
});
