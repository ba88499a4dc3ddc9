/**
 * Is a container dnsmasq, judging by its image or its name?
 * - `nanny`: kube-dns's k8s-dns-dnsmasq-nanny, which passes what follows `--` to dnsmasq.
 * - `dnsmasq`: dnsmasq itself (kube-dnsmasq-amd64, k8s-dns-dnsmasq, andyshinn/dnsmasq, ...).
 * - `other`: something that carries "dnsmasq" or "dns" in its name but is not dnsmasq:
 *   dnsmasq-metrics, the kube-dns sidecar, exechealthz, the autoscaler, NodeLocal DNSCache, CoreDNS,
 *   and go-dnsmasq (a separate Go program with its own flags).
 * - `unknown`: nothing to go on (busybox, a templated image name without hints, ...).
 */
export type ContainerKind = 'nanny' | 'dnsmasq' | 'other' | 'unknown';

const NOT_DNSMASQ = /metrics|sidecar|healthz|autoscaler|node-?cache|nodelocal|coredns|go-?dnsmasq|exporter|kube-?dns-?amd|k8s-dns-kube-dns/i;
const NANNY = /dnsmasq[-_]?nanny/i;
const DNSMASQ = /dns[-_]?masq/i;

export function classifyName(value: string | undefined): ContainerKind {
  if (value === undefined || value === '') return 'unknown';
  if (NOT_DNSMASQ.test(value)) return 'other';
  if (NANNY.test(value)) return 'nanny';
  if (DNSMASQ.test(value)) return 'dnsmasq';
  return 'unknown';
}

/** The image decides when it says something; the container name decides otherwise. */
export function classifyContainer(image: string | undefined, name: string | undefined): ContainerKind {
  const byImage = classifyName(imageRepository(image));
  if (byImage !== 'unknown') return byImage;
  const byName = classifyName(name);
  return byName === 'nanny' ? 'nanny' : byName;
}

/** The container is dnsmasq only by its name, while its (literal) image names something else. */
export function onlyNameSaysDnsmasq(image: string | undefined, name: string | undefined): boolean {
  if (image === undefined || image === '' || /[{$<%]/.test(image)) return false;
  return classifyName(imageRepository(image)) === 'unknown' && classifyName(name) !== 'unknown';
}

/** `registry:5000/org/k8s-dns-dnsmasq-nanny-amd64:1.14.5@sha256:...` -> its repository path without tag or digest. */
function imageRepository(image: string | undefined): string | undefined {
  if (image === undefined) return undefined;
  const noDigest = image.split('@')[0]!;
  const lastSlash = noDigest.lastIndexOf('/');
  const colon = noDigest.indexOf(':', lastSlash + 1);
  return colon < 0 ? noDigest : noDigest.slice(0, colon);
}

/** Flags of the nanny (and of glog, which it uses) that may precede its `--`. */
const NANNY_FLAG = /^--?(v|vmodule|logtostderr|alsologtostderr|log_dir|log_file|stderrthreshold|log_backtrace_at|configDir|syncInterval|restartDnsmasq|dnsmasqExec|kubecfg-file|kubeconfig)(=.*)?$/;

export function isNannyFlag(word: string): boolean {
  return NANNY_FLAG.test(word);
}
