/** A multi-document manifest of about `lines` lines: kube-dns Deployments whose dnsmasq lacks -N, and filler. */
export function bigManifest(lines: number): string {
  const doc = (i: number) => `---
apiVersion: apps/v1
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
        - --
        - -k
        - --cache-size=1000
        - --log-facility=-
        - --server=/cluster.local/127.0.0.1#10053
        - --server=10.36.8.${i % 250}
        ports:
        - containerPort: 53
          name: dns
          protocol: UDP
`;
  const parts: string[] = [];
  let count = 0;
  for (let i = 0; count < lines; i++) {
    const next = doc(i);
    parts.push(next);
    count += next.split('\n').length - 1;
  }
  return parts.join('');
}
