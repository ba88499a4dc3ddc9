import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readManifest } from '../../src/manifest/read-manifest.js';

/**
 * Every file of the corpus (test/fixtures/corpus, copied from the shared corpus with its
 * PROVENANCE.tsv) and the dnsmasq invocations its README implies: which container, how it is
 * launched, how many dnsmasq words, which words hold placeholders, how many sit in conditionals.
 * Decisions on the README's `(?)` cases, as far as the reader is concerned:
 * - kubespray@58e1db6a/dnsmasq-pod.yml: a Pod is linted like any workload.
 * - kubernetes@025f2834/kube-dns.yaml.in: in a template file (`.in`) the bare `dns_domain` is a placeholder.
 * - kubernetes-website federations ConfigMap: without metadata it is not tied to kube-system/kube-dns.
 * - conf files (`*.conf`, `*.conf.j2`) and the raw-args snippet are not manifests: no invocation.
 * - go-dnsmasq is a different program, not dnsmasq.
 */
interface Expected {
  readonly invocations: readonly {
    readonly container: string;
    readonly kind: string;
    readonly launcher: 'direct' | 'nanny' | 'shell';
    readonly args: number;
    readonly templated: readonly string[];
    readonly conditional: number;
  }[];
  readonly configMaps: number;
}

const EXPECTED: Record<string, Expected> = {
  'acs-engine@55434998/kubernetesmasteraddons-kube-dns-deployment.yaml': { invocations: [{ container: "dnsmasq", kind: 'Deployment', launcher: 'nanny', args: 7, templated: [], conditional: 0 }], configMaps: 1 },
  'acs-engine@9488ef00/node-dnsmasq.conf': { invocations: [], configMaps: 0 },
  'acs-engine@afbf71b9/kubernetesmasteraddons-kube-dns-deployment.yaml': { invocations: [{ container: "dnsmasq", kind: 'Deployment', launcher: 'nanny', args: 7, templated: [], conditional: 0 }], configMaps: 0 },
  'appscode-kubernetes@4974da44/skydns-rc.yaml.in': { invocations: [{ container: "dnsmasq", kind: 'Deployment', launcher: 'direct', args: 4, templated: [], conditional: 0 }], configMaps: 0 },
  'coreos-kubernetes@84b58b74/kube-dns-rc.json': { invocations: [{ container: "dnsmasq", kind: 'ReplicationController', launcher: 'direct', args: 3, templated: [], conditional: 0 }], configMaps: 0 },
  'issue-kubernetes-dns-76/snippet.args.txt': { invocations: [], configMaps: 0 },
  'issue-kubernetes-kubernetes-23762/snippet.yaml': { invocations: [], configMaps: 0 },
  'kismatic@9e1d2d47/kubernetes-dns.yaml': { invocations: [{ container: "dnsmasq", kind: 'Deployment', launcher: 'nanny', args: 6, templated: [], conditional: 0 }], configMaps: 1 },
  'kismatic@d813c8e6/kubernetes-dns.yaml': { invocations: [{ container: "dnsmasq", kind: 'Deployment', launcher: 'nanny', args: 6, templated: [], conditional: 0 }], configMaps: 1 },
  'kops@268927e2/k8s-1.12.yaml.template': { invocations: [{ container: "dnsmasq", kind: 'Deployment', launcher: 'nanny', args: 9, templated: ["--cache-size={{ KubeDNS.CacheMaxSize }}","--dns-forward-max={{ KubeDNS.CacheMaxConcurrent }}","--server=/{{ KubeDNS.Domain }}/127.0.0.1#10053"], conditional: 0 }], configMaps: 1 },
  'kops@5fc7b676/k8s-1.6.yaml.template': { invocations: [{ container: "dnsmasq", kind: 'Deployment', launcher: 'nanny', args: 7, templated: ["--server=/{{ KubeDNS.Domain }}/127.0.0.1#10053"], conditional: 0 }], configMaps: 0 },
  'kops@78998644/v1.5.1.yaml.template': { invocations: [{ container: "dnsmasq", kind: 'Deployment', launcher: 'direct', args: 4, templated: [], conditional: 0 }], configMaps: 0 },
  'kops@8d5da313/k8s-1.6.yaml.template': { invocations: [{ container: "dnsmasq", kind: 'Deployment', launcher: 'nanny', args: 7, templated: ["--server=/{{ KubeDNS.Domain }}/127.0.0.1#10053"], conditional: 0 }], configMaps: 0 },
  'kops@e4c10aa1/aws_s3_object_privatecilium.example.com-addons-kube-dns.addons.k8s.io-k8s-1.12_content': { invocations: [{ container: "dnsmasq", kind: 'Deployment', launcher: 'nanny', args: 9, templated: [], conditional: 0 }], configMaps: 0 },
  'kops@f8aed9f4/pre-k8s-1.6.yaml.template': { invocations: [{ container: "dnsmasq", kind: 'Deployment', launcher: 'direct', args: 6, templated: ["--cache-size={{ KubeDNS.CacheMaxSize }}","--dns-forward-max={{ KubeDNS.CacheMaxConcurrent }}"], conditional: 0 }], configMaps: 0 },
  'kube-aws@953e56ea/dnsmasq-node-ds.yaml': { invocations: [{ container: "dnsmasq", kind: 'DaemonSet', launcher: 'nanny', args: 14, templated: ["--cache-size={{ .KubeDns.DNSMasq.CacheSize }}","--dns-forward-max={{ .KubeDns.DNSMasq.DNSForwardMax }}","--neg-ttl={{ .KubeDns.DNSMasq.NegTTL }}","--server=//{{.DNSServiceIP}}","--server=/cluster.local/{{.DNSServiceIP}}","--server=/in-addr.arpa/{{.DNSServiceIP}}","--server=/ip6.arpa/{{.DNSServiceIP}}","{{.}}"], conditional: 10 }], configMaps: 0 },
  'kube-aws@953e56ea/kube-dns-de.yaml': { invocations: [{ container: "dnsmasq", kind: 'Deployment', launcher: 'nanny', args: 6, templated: [], conditional: 0 }], configMaps: 0 },
  'kubeadm@8444b373/manifests.go.CoreDNSConfigMap.yaml': { invocations: [], configMaps: 0 },
  'kubeadm@8444b373/manifests.go.KubeDNSDeployment.yaml': { invocations: [{ container: "dnsmasq", kind: 'Deployment', launcher: 'nanny', args: 8, templated: ["--server=/{{ .DNSDomain }}/{{ .DNSBindAddr }}#10053","--server=/in-addr.arpa/{{ .DNSBindAddr }}#10053","--server=/ip6.arpa/{{ .DNSBindAddr }}#10053"], conditional: 0 }], configMaps: 0 },
  'kubernetes-anywhere@7e38ecb9/kube-dns-rc.json': { invocations: [{ container: "dnsmasq", kind: 'ReplicationController', launcher: 'direct', args: 3, templated: [], conditional: 0 }], configMaps: 0 },
  'kubernetes-anywhere@96047959/kube-dns-deployment.json': { invocations: [{ container: "dnsmasq", kind: 'ReplicationController', launcher: 'direct', args: 4, templated: [], conditional: 0 }], configMaps: 0 },
  'kubernetes-dns@c43d2155/nodelocaldns.yaml': { invocations: [], configMaps: 0 },
  'kubernetes-the-hard-way@0c1f22c5/skydns-rc.yaml': { invocations: [{ container: "dnsmasq", kind: 'ReplicationController', launcher: 'direct', args: 3, templated: [], conditional: 0 }], configMaps: 0 },
  'kubernetes-the-hard-way@4ca7c450/kube-dns.yaml': { invocations: [{ container: "dnsmasq", kind: 'Deployment', launcher: 'nanny', args: 6, templated: [], conditional: 0 }], configMaps: 1 },
  'kubernetes-the-hard-way@6827ce57/kubedns.yaml': { invocations: [{ container: "dnsmasq", kind: 'Deployment', launcher: 'direct', args: 4, templated: [], conditional: 0 }], configMaps: 0 },
  'kubernetes-the-hard-way@e2dbdaa6/kube-dns.yaml': { invocations: [{ container: "dnsmasq", kind: 'Deployment', launcher: 'nanny', args: 7, templated: [], conditional: 0 }], configMaps: 1 },
  'kubernetes-website@0189ae0f/dns-custom-nameservers.md.coredns-configmap.yaml': { invocations: [], configMaps: 0 },
  'kubernetes-website@0189ae0f/dns-custom-nameservers.md.kube-dns-configmap.yaml': { invocations: [], configMaps: 1 },
  'kubernetes-website@0189ae0f/dns-custom-nameservers.md.kubedns-federations-configmap.yaml': { invocations: [], configMaps: 0 },
  'kubernetes-website@0a59de21/2017-04-00-Configuring-Private-Dns-Zones-Upstream-Nameservers-Kubernetes.md.snippet1.yaml': { invocations: [], configMaps: 1 },
  'kubernetes@00382274/kubedns-controller.yaml.base': { invocations: [{ container: "dnsmasq", kind: 'Deployment', launcher: 'nanny', args: 6, templated: ["--server=/__PILLAR__DNS__DOMAIN__/127.0.0.1#10053"], conditional: 0 }], configMaps: 0 },
  'kubernetes@008b3652/kube-dns.yaml.base': { invocations: [{ container: "dnsmasq", kind: 'Deployment', launcher: 'nanny', args: 8, templated: ["--server=/__DNS__DOMAIN__/127.0.0.1#10053"], conditional: 0 }], configMaps: 1 },
  'kubernetes@008b3652/kube-dns.yaml.sed': { invocations: [{ container: "dnsmasq", kind: 'Deployment', launcher: 'nanny', args: 8, templated: ["--server=/$DNS_DOMAIN/127.0.0.1#10053"], conditional: 0 }], configMaps: 1 },
  'kubernetes@025f2834/kube-dns.yaml.in': { invocations: [{ container: "dnsmasq", kind: 'Deployment', launcher: 'nanny', args: 8, templated: ["--server=/dns_domain/127.0.0.1#10053"], conditional: 0 }], configMaps: 1 },
  'kubespray@28473e91/dnsmasq-ds.yml': { invocations: [{ container: "dnsmasq", kind: 'DaemonSet', launcher: 'direct', args: 3, templated: [], conditional: 0 }], configMaps: 0 },
  'kubespray@28473e91/kubedns-rc.yml': { invocations: [{ container: "dnsmasq", kind: 'ReplicationController', launcher: 'direct', args: 5, templated: [], conditional: 1 }], configMaps: 0 },
  'kubespray@46dbdd39/coredns-config.yml.j2': { invocations: [], configMaps: 0 },
  'kubespray@46dbdd39/nodelocaldns-config.yml.j2': { invocations: [], configMaps: 0 },
  'kubespray@481d16d5/01-kube-dns.conf.j2': { invocations: [], configMaps: 0 },
  'kubespray@58e1db6a/dnsmasq-pod.yml': { invocations: [{ container: "dnsmasq", kind: 'Pod', launcher: 'direct', args: 4, templated: [], conditional: 0 }], configMaps: 0 },
  'kubespray@8b151d12/kubedns-deploy.yml.j2': { invocations: [{ container: "dnsmasq", kind: 'Deployment', launcher: 'nanny', args: 6, templated: ["--server=/{{ dns_domain }}/127.0.0.1#10053"], conditional: 0 }], configMaps: 0 },
  'kubespray@d71590bb/01-kube-dns.conf.j2': { invocations: [], configMaps: 0 },
  'kubespray@d71590bb/dnsmasq-deploy.yml.j2': { invocations: [{ container: "dnsmasq", kind: 'Deployment', launcher: 'direct', args: 3, templated: [], conditional: 0 }], configMaps: 0 },
  'kubespray@d71590bb/kubedns-deploy.yml.j2': { invocations: [{ container: "dnsmasq", kind: 'Deployment', launcher: 'nanny', args: 8, templated: ["--server=/{{ dns_domain }}/127.0.0.1#10053"], conditional: 0 }], configMaps: 0 },
  'kubespray@eb78ce4c/kubedns-rc.yml': { invocations: [{ container: "dnsmasq", kind: 'ReplicationController', launcher: 'direct', args: 3, templated: [], conditional: 0 }], configMaps: 0 },
  'kubo-release@7c08105f/kubedns-controller.yml': { invocations: [{ container: "dnsmasq", kind: 'Deployment', launcher: 'nanny', args: 8, templated: [], conditional: 0 }], configMaps: 0 },
  'kubo-release@9ceaecfd/kube-dns.yml.erb': { invocations: [{ container: "dnsmasq", kind: 'Deployment', launcher: 'nanny', args: 7, templated: [], conditional: 0 }], configMaps: 1 },
  'minikube@82e99145/coreDNS-configmap.yaml': { invocations: [], configMaps: 0 },
  'minikube@9594bd3e/kube-dns-controller.yaml': { invocations: [{ container: "dnsmasq", kind: 'Deployment', launcher: 'nanny', args: 6, templated: [], conditional: 0 }], configMaps: 0 },
  'minikube@a765d57d/kube-dns-cm.yaml': { invocations: [], configMaps: 1 },
  'minikube@a765d57d/kube-dns-controller.yaml': { invocations: [{ container: "dnsmasq", kind: 'Deployment', launcher: 'nanny', args: 4, templated: [], conditional: 0 }], configMaps: 0 },
  'minikube@dd208122/kube-dns-rc.yaml': { invocations: [{ container: "dnsmasq", kind: 'ReplicationController', launcher: 'direct', args: 4, templated: [], conditional: 0 }], configMaps: 0 },
  'rancher-kubernetes-package@df7908d5/kubedns-controller.yaml.sed': { invocations: [{ container: "dnsmasq", kind: 'Deployment', launcher: 'nanny', args: 6, templated: ["--server=/$DNS_DOMAIN/127.0.0.1#10053"], conditional: 0 }], configMaps: 0 },
  'rke@d41abc7d/kubedns.go.KubeDNSTemplate.yaml': { invocations: [{ container: "dnsmasq", kind: 'Deployment', launcher: 'nanny', args: 7, templated: ["--server=/{{.ClusterDomain}}/127.0.0.1#10053","--server=/{{.}}/127.0.0.1#10053"], conditional: 3 }], configMaps: 1 },
  'rke@e0e18597/kubedns.go.KubeDNSTemplate.yaml': { invocations: [{ container: "dnsmasq", kind: 'Deployment', launcher: 'nanny', args: 6, templated: ["--server=/{{.ClusterDomain}}/127.0.0.1#10053"], conditional: 0 }], configMaps: 0 },
  'tectonic-installer@3ac7f751/kube-dns.yaml': { invocations: [{ container: "dnsmasq", kind: 'Deployment', launcher: 'nanny', args: 6, templated: [], conditional: 0 }], configMaps: 0 },
  'tectonic-installer@b2ade9d5/kube-dns.yaml': { invocations: [{ container: "dnsmasq", kind: 'Deployment', launcher: 'nanny', args: 7, templated: [], conditional: 0 }], configMaps: 0 },
  'terraform-render-bootkube@81595611/kube-dns-deployment.yaml': { invocations: [{ container: "dnsmasq", kind: 'Deployment', launcher: 'nanny', args: 7, templated: ["--server=/${cluster_domain_suffix}/127.0.0.1#10053"], conditional: 0 }], configMaps: 0 },
};

const root = join(__dirname, '../fixtures/corpus');
const corpusFiles = readdirSync(root)
  .filter((dir) => statSync(join(root, dir)).isDirectory())
  .flatMap((dir) => readdirSync(join(root, dir)).map((file) => `${dir}/${file}`))
  .sort();

describe('the corpus', () => {
  test('every corpus file has an expectation, and every expectation a file', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(corpusFiles);
  });

  test.each(corpusFiles)('%s', (path) => {
    const text = readFileSync(join(root, path), 'utf8');
    const model = readManifest(text, { filePath: path });
    const expected = EXPECTED[path]!;
    const actual = model.invocations.map((inv) => ({
      container: inv.containerName,
      kind: inv.workload.kind,
      launcher: inv.launcher,
      args: inv.args.length,
      templated: inv.args.filter((a) => a.templated).map((a) => a.text),
      conditional: inv.args.filter((a) => a.conditional).length,
    }));
    expect(actual).toEqual(expected.invocations);
    expect(model.configMaps.length).toBe(expected.configMaps);

    for (const inv of model.invocations) {
      expect(text.slice(inv.containerRange.start, inv.containerRange.end)).toContain(inv.containerName ?? '');
      expect(text.slice(inv.workload.kindRange.start, inv.workload.kindRange.end)).toContain(inv.workload.kind);
      for (const arg of inv.args) {
        // Corpus args have no escapes: the word's characters are exactly the source slice.
        expect(text.slice(arg.start, arg.end)).toBe(arg.text);
        expect(arg.map).toBeUndefined();
      }
    }
  });
});

describe('edits on every corpus invocation', () => {
  const withInvocations = corpusFiles.filter((p) => EXPECTED[p]!.invocations.length > 0);

  test.each(withInvocations)('%s: append, replace and remove re-read as intended', (path) => {
    const text = readFileSync(join(root, path), 'utf8');
    const [inv] = readManifest(text, { filePath: path }).invocations;
    const before = inv!.args.map((a) => a.text);
    const reread = (edit: { start: number; end: number; newText: string }): string[] => {
      const out = text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
      const again = readManifest(out, { filePath: path });
      expect(again.invocations).toHaveLength(EXPECTED[path]!.invocations.length);
      return again.invocations[0]!.args.map((a) => a.text);
    };

    const appended = reread(inv!.insertion.append(['--no-negcache', '--log-queries']));
    // New words go after the last unconditional word, so they may precede conditional ones.
    expect([...appended].sort()).toEqual([...before, '--no-negcache', '--log-queries'].sort());
    if (!inv!.args[inv!.args.length - 1]!.conditional) expect(appended).toEqual([...before, '--no-negcache', '--log-queries']);

    const first = inv!.args[0]!;
    expect(reread(inv!.insertion.replace(first, '--cache-size=150'))).toEqual(['--cache-size=150', ...before.slice(1)]);
    expect(reread(inv!.insertion.remove(first))).toEqual(before.slice(1));
  });
});
