/**
 * The rule ids lintText must report for each file of fixtures/corpus (copied from the shared corpus; its
 * README lists the expected findings with codes N, Q, BADSRV, SUSPSRV, RESOLV, INDIRECT, CM-JSON).
 * Codes map to ids: N = no-negcache, Q = log-queries, SUSPSRV = server-suspicious, RESOLV = resolv-conf,
 * INDIRECT = delegated-config, CM-JSON = configmap-json. The set must match exactly: nothing more, nothing less.
 *
 * How the README's `(?)` cases are decided, and why:
 * - acs-engine@55434998: no server-suspicious. kubedns gets `--domain=<domain>.` while dnsmasq forwards a fixed
 *   `cluster.local`; with the placeholder unrendered we cannot know they differ, and placeholders are never judged.
 * - acs-engine@9488ef00/node-dnsmasq.conf: dnsmasq conf files (`*.conf`, `*.conf.j2`, ...) are read in conf mode,
 *   each `option=value` line as `--option=value`: N and Q. `127.0.0.1` without a port is not called a loop in conf
 *   mode, since where dnsmasq listens is configured elsewhere (here OpenShift's node DNS on :53).
 * - issue-kubernetes-dns-76/snippet.args.txt: read as a bare argv (`*.args.txt`): N, Q and in6.arpa.
 * - issue-kubernetes-kubernetes-23762: skydns, not dnsmasq; no rule looks at other containers, so nothing.
 * - kismatic@9e1d2d47, minikube@a765d57d: RESOLV is reported as `resolv-conf`, at info severity (a policy hint).
 * - kube-aws@953e56ea/dnsmasq-node-ds.yaml: `--neg-ttl` sits only in the `if` branch, so no-negcache is reported
 *   with a message saying --neg-ttl is conditional (the `else` rendering has neither).
 * - kubernetes-website@0189ae0f federations ConfigMap: no metadata ties it to kube-system/kube-dns: nothing;
 *   the stub domain under the cluster domain is legal for kube-dns.
 * - kubernetes@025f2834: the bare placeholder `dns_domain` in a `.in` template is a placeholder, not flagged.
 * - kubespray@28473e91/kubedns-rc.yml: `--log-queries` only under `{% if %}`: log-queries is reported with a
 *   message saying it is conditional.
 * - kubespray@481d16d5/01-kube-dns.conf.j2: conf mode, N and Q. The ` server=8.8.8.8` lines (leading blank, inside
 *   `{% else %}`) are read like any other line; being conditional, they do not raise resolv-conf.
 * - kubespray@d71590bb/01-kube-dns.conf.j2: conf mode, N and Q both reported as conditional; no finding for
 *   `local=/{{ bogus_domains }}` (templated).
 * - kubespray@58e1db6a/dnsmasq-pod.yml: kind Pod is linted: delegated-config (`-7 /etc/dnsmasq.d`).
 * - rke@d41abc7d: `--server=/{{.}}/...` is templated (ReverseCIDRs), never judged: no server-suspicious.
 *   The CIDR-as-domain check is covered with a literal value in rules.test.ts.
 */
export const CORPUS_EXPECTATIONS: Readonly<Record<string, readonly string[]>> = {
  'acs-engine@55434998/kubernetesmasteraddons-kube-dns-deployment.yaml': ['log-queries'],
  'acs-engine@9488ef00/node-dnsmasq.conf': ['no-negcache', 'log-queries'],
  'acs-engine@afbf71b9/kubernetesmasteraddons-kube-dns-deployment.yaml': ['no-negcache', 'log-queries'],
  'appscode-kubernetes@4974da44/skydns-rc.yaml.in': ['no-negcache', 'log-queries'],
  'coreos-kubernetes@84b58b74/kube-dns-rc.json': ['no-negcache', 'log-queries'],
  'issue-kubernetes-dns-76/snippet.args.txt': ['no-negcache', 'log-queries', 'server-suspicious'],
  'issue-kubernetes-kubernetes-23762/snippet.yaml': [],
  'kismatic@9e1d2d47/kubernetes-dns.yaml': ['no-negcache', 'log-queries', 'resolv-conf'],
  'kismatic@d813c8e6/kubernetes-dns.yaml': ['no-negcache', 'log-queries'],
  'kops@268927e2/k8s-1.12.yaml.template': ['log-queries', 'server-suspicious'],
  'kops@5fc7b676/k8s-1.6.yaml.template': ['no-negcache', 'log-queries', 'server-suspicious'],
  'kops@78998644/v1.5.1.yaml.template': ['no-negcache', 'log-queries'],
  'kops@8d5da313/k8s-1.6.yaml.template': ['log-queries', 'server-suspicious'],
  'kops@e4c10aa1/aws_s3_object_privatecilium.example.com-addons-kube-dns.addons.k8s.io-k8s-1.12_content': ['log-queries', 'server-suspicious'],
  'kops@f8aed9f4/pre-k8s-1.6.yaml.template': ['no-negcache', 'log-queries'],
  'kube-aws@953e56ea/dnsmasq-node-ds.yaml': ['no-negcache', 'log-queries'],
  'kube-aws@953e56ea/kube-dns-de.yaml': ['no-negcache', 'log-queries'],
  'kubeadm@8444b373/manifests.go.CoreDNSConfigMap.yaml': [],
  'kubeadm@8444b373/manifests.go.KubeDNSDeployment.yaml': ['log-queries'],
  'kubernetes-anywhere@7e38ecb9/kube-dns-rc.json': ['no-negcache', 'log-queries'],
  'kubernetes-anywhere@96047959/kube-dns-deployment.json': ['no-negcache', 'log-queries'],
  'kubernetes-dns@c43d2155/nodelocaldns.yaml': [],
  'kubernetes-the-hard-way@0c1f22c5/skydns-rc.yaml': ['no-negcache', 'log-queries'],
  'kubernetes-the-hard-way@4ca7c450/kube-dns.yaml': ['no-negcache', 'log-queries'],
  'kubernetes-the-hard-way@6827ce57/kubedns.yaml': ['no-negcache', 'log-queries'],
  'kubernetes-the-hard-way@e2dbdaa6/kube-dns.yaml': ['log-queries'],
  'kubernetes-website@0189ae0f/dns-custom-nameservers.md.coredns-configmap.yaml': [],
  'kubernetes-website@0189ae0f/dns-custom-nameservers.md.kube-dns-configmap.yaml': [],
  'kubernetes-website@0189ae0f/dns-custom-nameservers.md.kubedns-federations-configmap.yaml': [],
  'kubernetes-website@0a59de21/2017-04-00-Configuring-Private-Dns-Zones-Upstream-Nameservers-Kubernetes.md.snippet1.yaml': ['configmap-json'],
  'kubernetes@00382274/kubedns-controller.yaml.base': ['no-negcache', 'log-queries'],
  'kubernetes@008b3652/kube-dns.yaml.base': ['log-queries'],
  'kubernetes@008b3652/kube-dns.yaml.sed': ['log-queries'],
  'kubernetes@025f2834/kube-dns.yaml.in': ['log-queries'],
  'kubespray@28473e91/dnsmasq-ds.yml': ['delegated-config'],
  'kubespray@28473e91/kubedns-rc.yml': ['no-negcache', 'log-queries'],
  'kubespray@46dbdd39/coredns-config.yml.j2': [],
  'kubespray@46dbdd39/nodelocaldns-config.yml.j2': [],
  'kubespray@481d16d5/01-kube-dns.conf.j2': ['no-negcache', 'log-queries'],
  'kubespray@58e1db6a/dnsmasq-pod.yml': ['delegated-config'],
  'kubespray@8b151d12/kubedns-deploy.yml.j2': ['no-negcache', 'log-queries'],
  'kubespray@d71590bb/01-kube-dns.conf.j2': ['no-negcache', 'log-queries'],
  'kubespray@d71590bb/dnsmasq-deploy.yml.j2': ['delegated-config'],
  'kubespray@d71590bb/kubedns-deploy.yml.j2': ['log-queries'],
  'kubespray@eb78ce4c/kubedns-rc.yml': ['no-negcache', 'log-queries'],
  'kubo-release@7c08105f/kubedns-controller.yml': ['no-negcache', 'log-queries'],
  'kubo-release@9ceaecfd/kube-dns.yml.erb': ['log-queries'],
  'minikube@82e99145/coreDNS-configmap.yaml': [],
  'minikube@9594bd3e/kube-dns-controller.yaml': ['no-negcache', 'log-queries'],
  'minikube@a765d57d/kube-dns-cm.yaml': [],
  'minikube@a765d57d/kube-dns-controller.yaml': ['no-negcache', 'log-queries', 'resolv-conf'],
  'minikube@dd208122/kube-dns-rc.yaml': ['no-negcache', 'log-queries'],
  'rancher-kubernetes-package@df7908d5/kubedns-controller.yaml.sed': ['no-negcache', 'log-queries'],
  'rke@d41abc7d/kubedns.go.KubeDNSTemplate.yaml': ['no-negcache', 'log-queries'],
  'rke@e0e18597/kubedns.go.KubeDNSTemplate.yaml': ['no-negcache', 'log-queries'],
  'tectonic-installer@3ac7f751/kube-dns.yaml': ['no-negcache', 'log-queries'],
  'tectonic-installer@b2ade9d5/kube-dns.yaml': ['log-queries'],
  'terraform-render-bootkube@81595611/kube-dns-deployment.yaml': ['log-queries'],
};

/** Findings whose message must say "conditional" (the README's "report conditional, not missing"). */
export const CONDITIONAL_FINDINGS: readonly { file: string; ruleId: string }[] = [
  { file: 'kubespray@28473e91/kubedns-rc.yml', ruleId: 'log-queries' },
  { file: 'kube-aws@953e56ea/dnsmasq-node-ds.yaml', ruleId: 'no-negcache' },
  { file: 'kubespray@d71590bb/01-kube-dns.conf.j2', ruleId: 'no-negcache' },
  { file: 'kubespray@d71590bb/01-kube-dns.conf.j2', ruleId: 'log-queries' },
];
