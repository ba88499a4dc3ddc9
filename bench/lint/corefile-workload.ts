import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { lintText } from '@kube-dns-tools/core/lint';

/** A kubeadm-style `coredns` ConfigMap and its Deployment, as `kubectl get -o yaml` shows them. */
export function corednsConfigMap(i: number): string {
  return `apiVersion: v1
kind: ConfigMap
metadata:
  name: coredns
  namespace: kube-system-${i}
data:
  Corefile: |
    .:53 {
        errors
        health {
           lameduck 5s
        }
        ready
        kubernetes cluster.local in-addr.arpa ip6.arpa {
           pods insecure
           fallthrough in-addr.arpa ip6.arpa
           ttl 30
        }
        prometheus :9153
        forward . /etc/resolv.conf {
           max_concurrent 1000
        }
        cache 30 {
           disable success cluster.local
           disable denial cluster.local
        }
        loop
        reload
        loadbalance
    }
    example.org:53 {
        errors
        cache 300
        forward . 10.${i % 250}.0.2 10.${i % 250}.0.3 {
           policy sequential
        }
    }
`;
}

export interface Workload {
  readonly label: string;
  readonly bytes: number;
  readonly lint: () => void;
  readonly parse: () => void;
}

/** Corefile workloads: single CoreDNS ConfigMaps (the editor's case), a 1 MB file of them, and the CoreDNS corpus. */
export function corefileWorkloads(repo: string): Workload[] {
  const singles = Array.from({ length: 200 }, (_, i) => corednsConfigMap(i));
  const many = Array.from({ length: 600 }, (_, i) => corednsConfigMap(i)).join('---\n');
  const dir = join(repo, 'packages/core/test/fixtures/coredns-corpus');
  const corpus = readdirSync(dir)
    .filter((n) => !/\.(json|tsv|md)$/.test(n))
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
  return [
    {
      label: `coredns ConfigMap x${singles.length}`,
      bytes: singles.reduce((n, t) => n + t.length, 0),
      lint: () => singles.forEach((t) => lintText(t, { filePath: 'coredns.yaml' })),
      parse: () => singles.forEach((t) => parseAllDocuments(t)),
    },
    { label: 'coredns ConfigMaps, one file', bytes: many.length, lint: () => lintText(many, { filePath: 'coredns.yaml' }), parse: () => parseAllDocuments(many) },
    {
      label: `coredns corpus (${corpus.length} files)`,
      bytes: corpus.reduce((n, c) => n + c.text.length, 0),
      lint: () => corpus.forEach((c) => lintText(c.text, { filePath: c.name })),
      parse: () => corpus.forEach((c) => parseAllDocuments(c.text)),
    },
  ];
}
