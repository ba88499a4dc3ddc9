import type { Node } from 'yaml';
import type { MountedConfig } from './model.js';
import { isMap, mapGet, mapPath, nodeRange, seqItems, stringAt, type ChunkSource } from './yaml-nodes.js';

/** Where dnsmasq reads configuration by default or by convention: /etc/dnsmasq.conf and /etc/dnsmasq.d/. */
const DNSMASQ_CONFIG_PATH = /(^|\/)dnsmasq(\.conf|\.d)(\/|$)/;

/** The container's volume mounts that put dnsmasq configuration in place, with the ConfigMap behind each when the pod spec names one. */
export function mountedDnsmasqConfig(src: ChunkSource, container: Node, podSpec: Node | undefined): MountedConfig[] {
  const out: MountedConfig[] = [];
  for (const mount of seqItems(mapGet(container, 'volumeMounts'))) {
    if (!isMap(mount)) continue;
    const pathNode = mapGet(mount, 'mountPath');
    const mountPath = stringAt(src, pathNode);
    if (mountPath === undefined || !pathNode || !DNSMASQ_CONFIG_PATH.test(mountPath)) continue;
    const volume = stringAt(src, mapGet(mount, 'name'));
    const configMap = volume === undefined ? undefined : configMapOf(src, podSpec, volume);
    out.push({ mountPath, range: nodeRange(src, pathNode), ...(configMap !== undefined ? { configMap } : {}) });
  }
  return out;
}

function configMapOf(src: ChunkSource, podSpec: Node | undefined, volume: string): string | undefined {
  for (const v of seqItems(mapGet(podSpec, 'volumes'))) {
    if (stringAt(src, mapGet(v, 'name')) !== volume) continue;
    return stringAt(src, mapPath(v, 'configMap', 'name'));
  }
  return undefined;
}
