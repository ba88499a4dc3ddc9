import { DNSMASQ_ONLY_OPTION } from './wrapper-shape.js';

/**
 * Splits a multi-document file at its `---` lines (a document marker at column 0 ends any scalar,
 * so this is exact) and keeps only the documents that can matter, so that YAML is parsed once
 * and only where dnsmasq or a kube-dns ConfigMap may be.
 */
export interface DocumentChunk {
  readonly start: number;
  readonly end: number;
}

const MARKER = /^---(?=[ \t\r\n]|$)/gm;

export function splitDocuments(text: string): DocumentChunk[] {
  const chunks: DocumentChunk[] = [];
  let start = 0;
  MARKER.lastIndex = 0;
  for (let m = MARKER.exec(text); m; m = MARKER.exec(text)) {
    if (m.index > start) chunks.push({ start, end: m.index });
    start = m.index;
  }
  chunks.push({ start, end: text.length });
  return chunks;
}

const DNSMASQ = /dns[-_]?masq/i;
/** `name: kube-dns` as YAML or JSON writes it (not `kube-dns-autoscaler`, not a `k8s-app: kube-dns` label). */
const KUBE_DNS_NAME = /name["']?[ \t]*:[ \t]*["']?kube-dns(?![\w-])/;

/** True when the document may hold a dnsmasq container or the kube-dns ConfigMap. */
export function mayMatter(text: string, chunk: DocumentChunk): boolean {
  const body = text.slice(chunk.start, chunk.end);
  // A dnsmasq invocation needs a pod spec or a Compose service (RBAC objects named dnsmasq have neither), and says
  // dnsmasq in its image or name, or in options only dnsmasq has (an image named otherwise: distinctlyDnsmasqArgv).
  const mayRun = body.includes('containers') || /^[ \t]*(?:image|build)[ \t]*:/m.test(body);
  if (mayRun && (DNSMASQ.test(body) || DNSMASQ_ONLY_OPTION.test(body))) return true;
  // The kube-dns ConfigMap, or one that holds dnsmasq conf text.
  return body.includes('ConfigMap') && (KUBE_DNS_NAME.test(body) || DNSMASQ.test(body) || /\.conf["']?\s*:/.test(body));
}
