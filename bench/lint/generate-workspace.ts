/**
 * A deterministic multi-document workspace of Kubernetes manifests, the way a real repository mixes them:
 * mostly Services, ConfigMaps and ordinary Deployments, with a kube-dns Deployment (dnsmasq behind the nanny)
 * every `dnsEvery` documents.
 */
export function generateWorkspace(targetBytes: number, dnsEvery = 20): string {
  const docs: string[] = [];
  let size = 0;
  for (let i = 0; size < targetBytes; i++) {
    const doc = i % dnsEvery === 0 ? kubeDns(i) : i % 3 === 0 ? service(i) : i % 3 === 1 ? configMap(i) : deployment(i);
    docs.push(doc);
    size += doc.length + 4;
  }
  return docs.join('---\n');
}

function service(i: number): string {
  return `apiVersion: v1
kind: Service
metadata:
  name: svc-${i}
  namespace: team-${i % 17}
  labels: {app: app-${i}, tier: backend}
spec:
  selector:
    app: app-${i}
  ports:
  - name: http
    port: 80
    targetPort: 8080
  - name: metrics
    port: 9090
`;
}

function configMap(i: number): string {
  return `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings-${i}
  namespace: team-${i % 17}
data:
  application.yaml: |
    server:
      port: 8080
    upstreams:
      - https://api-${i}.example.com
      - https://backup-${i}.example.com
  feature-flags.json: '{"beta": ${i % 2 === 0}, "rollout": ${i % 100}}'
`;
}

function deployment(i: number): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
  namespace: team-${i % 17}
spec:
  replicas: ${1 + (i % 5)}
  selector:
    matchLabels:
      app: app-${i}
  template:
    metadata:
      labels:
        app: app-${i}
    spec:
      containers:
      - name: app
        image: registry.example.com/app-${i}:1.${i % 40}.0
        args: ["--port=8080", "--log-level=info", "--upstream=api-${i}.example.com:443"]
        env:
        - name: MODE
          value: production
        resources:
          requests: {cpu: 100m, memory: 128Mi}
          limits: {cpu: "1", memory: 512Mi}
        readinessProbe:
          httpGet: {path: /healthz, port: 8080}
`;
}

function kubeDns(i: number): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: kube-dns-${i}
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
        - -configDir=/etc/k8s/dns/dnsmasq-nanny
        - --
        - -k
        - --cache-size=1000
        - --no-resolv
        - --log-facility=-
        - --server=/cluster.local/127.0.0.1#10053
        - --server=/in-addr.arpa/127.0.0.1#10053
        - --server=/in6.arpa/127.0.0.1#10053
        - --server=10.36.8.${i % 250}
      - name: sidecar
        image: registry.k8s.io/dns/k8s-dns-sidecar:1.23.0
        args: ["--v=2", "--probe=dnsmasq,127.0.0.1:53,kubernetes.default.svc.cluster.local,5,SRV"]
`;
}
