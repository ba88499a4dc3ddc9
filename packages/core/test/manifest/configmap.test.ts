import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { ConfigMapValue } from '../../src/manifest/model.js';
import { readManifest } from '../../src/manifest/read-manifest.js';

const at = (v: ConfigMapValue, i: number): number => (v.map ? v.map(i) : v.range.start + i);

describe('the kube-dns ConfigMap', () => {
  test('block scalar values: value, range and per-character map', () => {
    const file = join(__dirname, '../fixtures/corpus/kubernetes-website@0189ae0f/dns-custom-nameservers.md.kube-dns-configmap.yaml');
    const text = readFileSync(file, 'utf8');
    const [cm] = readManifest(text).configMaps;
    expect(cm?.workload).toMatchObject({ kind: 'ConfigMap', name: 'kube-dns', namespace: 'kube-system' });
    const upstream = cm!.upstreamNameservers!;
    expect(JSON.parse(upstream.value)).toEqual(['8.8.8.8', '8.8.4.4']);
    const i = upstream.value.indexOf('8.8.4.4');
    expect(text.slice(at(upstream, i), at(upstream, i) + 7)).toBe('8.8.4.4');
    expect(upstream.templated).toBe(false);
  });

  test('double-quoted JSON with escapes maps back through the escapes', () => {
    const text = `kind: ConfigMap\nmetadata:\n  name: kube-dns\ndata:\n  stubDomains: "{\\"acme.local\\": [\\"1.2.3.4\\"]}"\n  federations: 'a=b'\n`;
    const [cm] = readManifest(text).configMaps;
    const stub = cm!.stubDomains!;
    expect(JSON.parse(stub.value)).toEqual({ 'acme.local': ['1.2.3.4'] });
    const i = stub.value.indexOf('1.2.3.4');
    expect(text.slice(at(stub, i), at(stub, i + 7))).toBe('1.2.3.4');
    expect(text.slice(at(stub, 1), at(stub, 2))).toBe('\\"');
    expect(cm!.federations?.value).toBe('a=b');
  });

  test('only kube-system (or no namespace) and only the name kube-dns', () => {
    const cm = (meta: string): number => readManifest(`kind: ConfigMap\nmetadata: {${meta}}\ndata: {upstreamNameservers: '["1.1.1.1"]'}\n`).configMaps.length;
    expect(cm('name: kube-dns')).toBe(1);
    expect(cm('name: kube-dns, namespace: kube-system')).toBe(1);
    expect(cm('name: kube-dns, namespace: default')).toBe(0);
    expect(cm('name: coredns, namespace: kube-system')).toBe(0);
  });

  test('template-built values are marked templated', () => {
    const file = join(__dirname, '../fixtures/corpus/kops@268927e2/k8s-1.12.yaml.template');
    const [cm] = readManifest(readFileSync(file, 'utf8')).configMaps;
    expect(cm?.upstreamNameservers?.value.trim()).toBe('{{ ToJSON .KubeDNS.UpstreamNameservers }}');
    expect(cm?.upstreamNameservers?.templated).toBe(true);
    expect(cm?.stubDomains?.templated).toBe(true);
  });
});
