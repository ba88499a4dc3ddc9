// Routes to a pod's sidecar (`--server=/cluster.local/127.0.0.1#10053`: kube-dns's own DNS container) point at
// loopback ports where nothing answers on a workstation. The forwarder says so; the user may map them elsewhere.
import type { DomainRoute, ForwarderConfig, UpstreamAddress } from '../dns/forwarder-config.js';
import { parseTarget } from '../probe/probe-target.js';
import { upstreamKey } from './config-upstreams.js';

/** 127.0.0.0/8 and ::1, as core normalises addresses (IPv4-mapped loopback too). */
export function isLoopback(address: string): boolean {
  const lower = address.toLowerCase();
  if (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(lower)) return true;
  if (/^::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(lower)) return true;
  return /^(0{0,4}:){2,7}0{0,3}1$/.test(lower) || lower === '::1';
}

/** `{"127.0.0.1#10053": "127.0.0.1#15353"}` applied to every route and default server; names a bad entry. */
export function mapServers(config: ForwarderConfig, map: Readonly<Record<string, string>>): ForwarderConfig {
  const to = new Map<string, UpstreamAddress>();
  for (const [from, target] of Object.entries(map)) {
    let parsedFrom: UpstreamAddress;
    try {
      parsedFrom = parseTarget(from);
      to.set(upstreamKey(parsedFrom), parseTarget(target));
    } catch (error) {
      throw new Error(`server map entry ${JSON.stringify(from)}: ${(error as Error).message}`);
    }
  }
  if (to.size === 0) return config;
  const swap = (server: UpstreamAddress) => to.get(upstreamKey(server)) ?? server;
  const routes: DomainRoute[] = config.routes.map((route) =>
    route.target.kind === 'servers' ? { ...route, target: { kind: 'servers', servers: route.target.servers.map(swap) } } : route,
  );
  return { ...config, defaultServers: config.defaultServers.map(swap), routes };
}

/** One line per loopback server a domain route sends to, naming its domains: a sidecar that is not here. */
export function sidecarLines(config: ForwarderConfig, hint: string, mapped: Readonly<Record<string, string>> = {}): string[] {
  const mappedKeys = new Set(Object.keys(mapped).map((key) => {
    try {
      return upstreamKey(parseTarget(key));
    } catch {
      return key;
    }
  }));
  const domains = new Map<string, string[]>();
  for (const route of config.routes) {
    if (route.target.kind !== 'servers') continue;
    for (const server of route.target.servers) {
      const key = upstreamKey(server);
      if (!isLoopback(server.address) || mappedKeys.has(key)) continue;
      const list = domains.get(key) ?? [];
      if (!list.includes(route.domain)) list.push(route.domain);
      domains.set(key, list);
    }
  }
  return [...domains].map(
    ([key, names]) => `${names.join(', ')} ${names.length > 1 ? 'are' : 'is'} routed to ${key}, a sidecar in the pod that may not answer on this machine; ${hint}`,
  );
}
