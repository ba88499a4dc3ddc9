// Every server a forwarder config could send a query to: what consent is asked for and what probes ask.
import type { ForwarderConfig, UpstreamAddress } from '../dns/forwarder-config.js';

export interface ConfigUpstream extends UpstreamAddress {
  /** `ADDR#PORT`, the port always shown. */
  readonly key: string;
  /** The rule domains routed to it; '' stands for the default servers (every other name). */
  readonly domains: string[];
}

export const upstreamKey = (server: { address: string; port: number }): string => `${server.address}#${server.port}`;

/** Each server once, default servers first, then the routed ones in rule order. */
export function configUpstreams(config: ForwarderConfig): ConfigUpstream[] {
  const byKey = new Map<string, ConfigUpstream>();
  const add = (server: UpstreamAddress, domain: string) => {
    const key = upstreamKey(server);
    const known = byKey.get(key);
    if (known) {
      if (!known.domains.includes(domain)) known.domains.push(domain);
    } else byKey.set(key, { address: server.address, port: server.port, family: server.family, key, domains: [domain] });
  };
  for (const server of config.defaultServers) add(server, '');
  for (const route of config.routes) {
    if (route.target.kind === 'servers') for (const server of route.target.servers) add(server, route.domain);
  }
  return [...byKey.values()];
}
