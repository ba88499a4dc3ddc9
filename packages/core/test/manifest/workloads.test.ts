import { describe, expect, test } from 'vitest';
import { readManifest } from '../../src/manifest/read-manifest.js';

const podSpec = (indent: string, containers: string): string =>
  containers
    .split('\n')
    .map((l) => (l ? indent + l : l))
    .join('\n');

const DNSMASQ_CONTAINER = `- name: dnsmasq
  image: gcr.io/google_containers/kube-dnsmasq-amd64:1.4
  args: ["--cache-size=1000", "--no-resolv"]
`;

describe('workload kinds', () => {
  test.each([
    ['Deployment', 'spec:\n  template:\n    spec:\n      containers:\n', '      '],
    ['ReplicationController', 'spec:\n  template:\n    spec:\n      containers:\n', '      '],
    ['DaemonSet', 'spec:\n  template:\n    spec:\n      containers:\n', '      '],
    ['StatefulSet', 'spec:\n  template:\n    spec:\n      containers:\n', '      '],
    ['ReplicaSet', 'spec:\n  template:\n    spec:\n      containers:\n', '      '],
    ['Job', 'spec:\n  template:\n    spec:\n      containers:\n', '      '],
    ['CronJob', 'spec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n', '          '],
    ['Pod', 'spec:\n  containers:\n', '  '],
  ])('%s', (kind, path, indent) => {
    const text = `apiVersion: v1\nkind: ${kind}\nmetadata:\n  name: dns\n  namespace: kube-system\n${path}${podSpec(indent, DNSMASQ_CONTAINER)}`;
    const model = readManifest(text);
    expect(model.invocations).toHaveLength(1);
    const inv = model.invocations[0]!;
    expect(inv.workload).toMatchObject({ kind, name: 'dns', namespace: 'kube-system' });
    expect(text.slice(inv.workload.kindRange.start, inv.workload.kindRange.end)).toBe(kind);
    expect(text.slice(inv.containerRange.start, inv.containerRange.end)).toBe('dnsmasq');
    expect(inv.args.map((a) => a.text)).toEqual(['--cache-size=1000', '--no-resolv']);
    expect(inv.launcher).toBe('direct');
    expect(inv.tolerant).toBe(false);
  });

  test('multi-document files and List items, JSON List too', () => {
    const rc = (name: string): string =>
      `  - kind: ReplicationController\n    metadata: {name: ${name}}\n    spec:\n      template:\n        spec:\n          containers:\n${podSpec('          ', DNSMASQ_CONTAINER)}`;
    const text = `kind: Service\nmetadata: {name: kube-dns}\n---\nkind: List\nitems:\n${rc('a')}${rc('b')}---\n{"kind": "List", "items": [{"kind": "Pod", "metadata": {"name": "c"}, "spec": {"containers": [{"name": "dnsmasq", "image": "dnsmasq", "command": ["dnsmasq", "-k"]}]}}]}\n`;
    const model = readManifest(text);
    expect(model.invocations.map((i) => [i.workload.kind, i.workload.name, i.args.length])).toEqual([
      ['ReplicationController', 'a', 2],
      ['ReplicationController', 'b', 2],
      ['Pod', 'c', 1],
    ]);
  });

  test('annotations of the workload and of its pod template, with ranges', () => {
    const text = `kind: CronJob
metadata:
  name: dns
  annotations:
    kube-dns-tools.io/disable: "no-negcache -- we run dnsmasq 2.45"
spec:
  jobTemplate:
    spec:
      template:
        metadata:
          annotations: {team: dns}
        spec:
          containers:
${podSpec('          ', DNSMASQ_CONTAINER)}`;
    const { annotations } = readManifest(text).invocations[0]!.workload;
    expect(Object.keys(annotations).sort()).toEqual(['kube-dns-tools.io/disable', 'team']);
    const disable = annotations['kube-dns-tools.io/disable']!;
    expect(disable.value).toBe('no-negcache -- we run dnsmasq 2.45');
    expect(text.slice(disable.range.start, disable.range.end)).toBe('"no-negcache -- we run dnsmasq 2.45"');
  });
});

describe('which container is dnsmasq', () => {
  const pod = (container: string): string => `kind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n${podSpec('  ', container)}`;

  test.each([
    ['dnsmasq-metrics', '- name: dnsmasq-metrics\n  image: gcr.io/google_containers/dnsmasq-metrics-amd64:1.0\n  args: [--v=2]\n'],
    ['the kube-dns sidecar', '- name: sidecar\n  image: k8s.gcr.io/k8s-dns-sidecar-amd64:1.14.10\n  args: ["--probe=dnsmasq,127.0.0.1:53,kubernetes.default.svc.cluster.local,5,A"]\n'],
    ['exechealthz', '- name: healthz\n  image: gcr.io/google_containers/exechealthz-amd64:1.2\n  args: ["--cmd=nslookup kubernetes.default.svc.cluster.local 127.0.0.1 >/dev/null", "--url=/healthz-dnsmasq"]\n'],
    ['the autoscaler', '- name: autoscaler\n  image: k8s.gcr.io/cluster-proportional-autoscaler-amd64:1.1.2\n  command: [/cluster-proportional-autoscaler, --target=Deployment/kube-dns]\n'],
    ['NodeLocal DNSCache', '- name: node-cache\n  image: k8s.gcr.io/k8s-dns-node-cache:1.15.13\n  args: [ "-localip", "169.254.20.10" ]\n'],
    ['CoreDNS', '- name: coredns\n  image: coredns/coredns:1.2.2\n  args: [ "-conf", "/etc/coredns/Corefile" ]\n'],
    ['go-dnsmasq, a different program', '- name: dnsmasq\n  image: janeczku/go-dnsmasq:release-1.0.7\n  args: [--listen, "127.0.0.1:53"]\n'],
    ['a shell that only mentions dnsmasq', '- name: dnsmasq\n  image: busybox\n  command: [sh, -c, "echo dnsmasq"]\n'],
  ])('not %s', (_what, container) => {
    expect(readManifest(pod(container)).invocations).toEqual([]);
  });

  test.each([
    ['the program in command', '- name: resolver\n  image: alpine:3.19\n  command: ["/usr/sbin/dnsmasq", "-k"]\n  args: ["--no-negcache"]\n', 'direct', ['-k', '--no-negcache']],
    ['the nanny by its command', '- name: dns\n  image: example/dns:1\n  command: [/dnsmasq-nanny, -v=2, --, -k]\n', 'nanny', ['-k']],
    ['the nanny by its flags, image templated', '- name: dnsmasq\n  image: <imgMasq>\n  args: [-v=2, -logtostderr, -configDir=/etc/k8s/dns/dnsmasq-nanny, -restartDnsmasq=true, --, -k]\n', 'nanny', ['-k']],
    ['plain dnsmasq by its name', '- name: dnsmasq\n  image: registry.local/dns:3\n  args: [-k, -N]\n', 'direct', ['-k', '-N']],
    ['sh -c', '- name: dns\n  image: alpine\n  command: [/bin/sh, -c]\n  args: ["apk add dnsmasq && exec dnsmasq -k -N"]\n', 'shell', ['-k', '-N']],
    ['bash -ec', '- name: dns\n  image: debian\n  command: [bash, -ec, "exec /usr/sbin/dnsmasq -k \\"$@\\"", --]\n', 'shell', ['-k', '$@']],
  ])('%s', (_what, container, launcher, args) => {
    const [inv, ...rest] = readManifest(pod(container)).invocations;
    expect(rest).toEqual([]);
    expect(inv?.launcher).toBe(launcher);
    expect(inv?.args.map((a) => a.text)).toEqual(args);
  });
});
