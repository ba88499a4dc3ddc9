import { readFileSync } from 'node:fs';

/** A dnsmasq container whose args are one line of `depth` nested flow sequences ending in a flag (`[-[-...[-N`). */
export function nestedFlowLine(depth: number): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata: {name: kube-dns}
spec:
  template:
    spec:
      containers:
      - name: dnsmasq
        image: dnsmasq
        args: ${'[-'.repeat(depth)}N
`;
}

/** One kube-dns Deployment of about 1 KB; `count` of them make a file of about `count` KB. */
export function deploymentDocuments(count: number): string {
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    parts.push(`---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: kube-dns-${i}
  namespace: kube-system
  labels: {app: kube-dns, tier: node, team: platform-dns, cost-center: "12345", revision: "${i}"}
spec:
  replicas: 2
  template:
    metadata:
      labels: {app: kube-dns, tier: node, team: platform-dns, cost-center: "12345"}
    spec:
      containers:
      - name: dnsmasq
        image: registry.k8s.io/dns/k8s-dns-dnsmasq-nanny:1.23.0
        args:
        - -v=2
        - --
        - -k
        - --cache-size=1000
        - --log-facility=-
        - --server=/cluster.local/127.0.0.1#10053
        - --server=10.36.8.${i % 250}
        resources: {limits: {memory: 170Mi}, requests: {cpu: 150m, memory: 70Mi}}
        ports:
        - containerPort: 53
          name: dns
          protocol: UDP
`);
  }
  return parts.join('');
}

/** One Deployment running dnsmasq with `entries` environment variables: one YAML document, so it cannot be split. */
export function oneHugeDocument(entries: number): string {
  const env: string[] = [];
  for (let i = 0; i < entries; i++) env.push(`        - name: VARIABLE_${i}\n          value: "value number ${i} of a very long environment"\n`);
  return `apiVersion: apps/v1
kind: Deployment
metadata: {name: kube-dns}
spec:
  template:
    spec:
      containers:
      - name: dnsmasq
        image: dnsmasq
        args: [-k, --cache-size=1000]
        env:
${env.join('')}`;
}

/** Peak resident memory of a process (Linux), in MB; undefined elsewhere. */
export function peakMemoryMb(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
    return kb === undefined ? undefined : Number(kb) / 1024;
  } catch {
    return undefined;
  }
}
