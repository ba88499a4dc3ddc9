import type { FoundObject } from './find-workloads.js';
import type { ConfigMapConf } from './model.js';
import { valueOf } from './configmap.js';
import { isMap, isScalar, mapGet, type ChunkSource } from './yaml-nodes.js';

/** A `data` key that names dnsmasq conf text: `dnsmasq.conf`, `01-upstreams.conf`, `dnsmasq`. */
const CONF_KEY = /\.conf$|^dnsmasq/i;

/** The conf texts of a ConfigMap (any name): the lint engine reads each as the dnsmasq conf file it becomes once mounted. */
export function configMapConfs(src: ChunkSource, object: FoundObject): ConfigMapConf[] {
  if (object.workload.kind !== 'ConfigMap') return [];
  const data = mapGet(object.node, 'data');
  if (!isMap(data)) return [];
  const out: ConfigMapConf[] = [];
  for (const pair of data.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    if (key === undefined || !CONF_KEY.test(key)) continue;
    const value = valueOf(src, pair.value);
    if (value) out.push({ workload: object.workload, key, value });
  }
  return out;
}
