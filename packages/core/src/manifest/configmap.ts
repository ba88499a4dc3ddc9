import { offsetMap, isVerbatim, sourceOffset } from '../text/decoded-text.js';
import { holdsPlaceholder } from '../text/placeholders.js';
import type { FoundObject } from './find-workloads.js';
import type { ConfigMapValue, KubeDnsConfigMap } from './model.js';
import { decodeNode, isScalar, mapGet, type ChunkSource } from './yaml-nodes.js';

/**
 * The kube-dns ConfigMap: `kind: ConfigMap`, `metadata.name: kube-dns`, in kube-system or with no
 * namespace (applied with `-n kube-system`). A ConfigMap without metadata cannot be tied to kube-dns
 * and is not taken.
 */
const KEYS = ['upstreamNameservers', 'stubDomains', 'federations'] as const;

export function valueOf(src: ChunkSource, node: unknown): ConfigMapValue | undefined {
  if (!isScalar(node)) return undefined;
  const decoded = decodeNode(src, node);
  const start = sourceOffset(decoded, 0);
  const end = sourceOffset(decoded, decoded.value.length);
  const range = { start, end: Math.max(start, end) };
  const base = { value: decoded.value, range, templated: holdsPlaceholder(decoded.value, false) };
  return isVerbatim(decoded) ? base : { ...base, map: offsetMap(decoded) };
}

export function readKubeDnsConfigMap(src: ChunkSource, object: FoundObject): KubeDnsConfigMap | undefined {
  const { workload } = object;
  if (workload.kind !== 'ConfigMap' || workload.name !== 'kube-dns') return undefined;
  if (workload.namespace !== undefined && workload.namespace !== 'kube-system') return undefined;
  const data = mapGet(object.node, 'data');
  const found: { -readonly [K in (typeof KEYS)[number]]?: ConfigMapValue } = {};
  for (const key of KEYS) {
    const value = valueOf(src, mapGet(data, key));
    if (value) found[key] = value;
  }
  return { workload, ...found };
}
