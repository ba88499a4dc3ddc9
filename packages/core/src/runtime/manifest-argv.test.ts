import { describe, expect, it } from 'vitest';
import { manifestArgv } from './manifest-argv.js';

const deployment = (args: string) => `kind: Deployment
metadata:
  name: kube-dns
spec:
  template:
    spec:
      containers:
      - name: dnsmasq
        image: registry.k8s.io/dns/k8s-dns-dnsmasq-nanny:1.23.0
        args:
${args}
`;

describe('manifestArgv', () => {
  it('reads the first dnsmasq container, after the nanny --, and says which', () => {
    const argv = manifestArgv(deployment('        - -v=2\n        - --\n        - -k\n        - --server=10.36.8.40'), 'kube-dns.yaml');
    expect(argv.words).toEqual(['-k', '--server=10.36.8.40']);
    expect(argv.container).toBe('dnsmasq');
    expect(argv.notes).toEqual(['using the dnsmasq arguments of Deployment/kube-dns container dnsmasq in kube-dns.yaml']);
  });

  it('refuses a templated word, naming it and its line', () => {
    const text = deployment('        - --\n        - -k\n        - --server={{ .Values.upstream }}');
    expect(() => manifestArgv(text, 'chart.yaml')).toThrow('chart.yaml:13: the dnsmasq argument "--server={{ .Values.upstream }}" holds a template placeholder');
  });

  it('names the file when it holds no dnsmasq', () => {
    expect(() => manifestArgv('kind: ConfigMap\n', 'cm.yaml')).toThrow('cm.yaml: no dnsmasq container found');
  });
});
