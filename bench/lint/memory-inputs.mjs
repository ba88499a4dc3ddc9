// The two input shapes of issue 14's memory finding, generated at any size:
// one container with a very long argument list, and a file of thousands of kube-dns Deployments.

/** A Deployment whose dnsmasq container has `count` arguments (about 42 bytes each). */
export function manyArgsManifest(count) {
  const head = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: dnsmasq-many-args
  namespace: kube-system
spec:
  template:
    spec:
      containers:
      - name: dnsmasq
        image: registry.k8s.io/dns/k8s-dns-dnsmasq-nanny:1.23.0
        args:
        - -v=2
        - -logtostderr
        - --
        - -k
        - --log-queries
        - --log-facility=-
`;
  const lines = [head];
  for (let i = 0; i < count; i++) lines.push(`        - --server=/svc-${i}.cluster.local/10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}\n`);
  return lines.join('');
}

/** `count` kube-dns Deployments (about 4.8 kB each), every one with findings (no -N, a bad server). */
export function manyDocumentsManifest(count) {
  const docs = [];
  for (let i = 0; i < count; i++) docs.push(kubeDns(i));
  return docs.join('---\n');
}

function kubeDns(i) {
  const labels = Array.from({ length: 36 }, (_, k) => `        label-${k}.example.com/key: value-${i}-${k}\n`).join('');
  const env = Array.from({ length: 20 }, (_, k) => `        - name: SETTING_${k}\n          value: "value ${i} ${k}"\n`).join('');
  return `# kube-dns copy ${i}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: kube-dns-${i}
  namespace: team-${i % 17}
  labels:
    k8s-app: kube-dns
spec:
  replicas: 2
  selector:
    matchLabels:
      k8s-app: kube-dns-${i}
  template:
    metadata:
      labels:
        k8s-app: kube-dns-${i}
${labels}    spec:
      dnsPolicy: Default
      containers:
      - name: kubedns
        image: registry.k8s.io/dns/k8s-dns-kube-dns:1.23.0
        args:
        - --domain=cluster.local.
        - --dns-port=10053
        - --config-dir=/kube-dns-config
        env:
${env}      - name: dnsmasq
        image: registry.k8s.io/dns/k8s-dns-dnsmasq-nanny:1.23.0
        args:
        - -v=2
        - -logtostderr
        - -configDir=/etc/k8s/dns/dnsmasq-nanny
        - -restartDnsmasq=true
        - --
        - -k
        - --cache-size=1000
        - --no-resolv
        - --dns-loop-detect
        - --log-facility=-
        - --server=/cluster.local/127.0.0.1#10053
        - --server=/in-addr.arpa/127.0.0.1#10053
        - --server=/ip6.arpa/127.0.0.1#10053
        - --server=10.36.8.${i % 300}
        ports:
        - containerPort: 53
          name: dns
          protocol: UDP
        - containerPort: 53
          name: dns-tcp
          protocol: TCP
        resources:
          requests:
            cpu: 150m
            memory: 20Mi
      - name: sidecar
        image: registry.k8s.io/dns/k8s-dns-sidecar:1.23.0
        args:
        - --v=2
        - --probe=kubedns,127.0.0.1:10053,kubernetes.default.svc.cluster.local,5,SRV
        - --probe=dnsmasq,127.0.0.1:53,kubernetes.default.svc.cluster.local,5,SRV
`;
}
