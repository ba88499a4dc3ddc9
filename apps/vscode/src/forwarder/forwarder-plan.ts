// What "Run Local Forwarder" will run for a manifest: the argv (core's reading), and the servers it will send to
// after the settings replaced the default servers and mapped sidecars; these are what consent is asked for.
import { toForwarderConfig } from '@kube-dns-tools/core/dnsmasq/config';
import { checkedArgv } from '@kube-dns-tools/core/runtime/checked-argv';
import { configUpstreams } from '@kube-dns-tools/core/runtime/config-upstreams';
import { manifestArgv } from '@kube-dns-tools/core/runtime/manifest-argv';
import { mapServers } from '@kube-dns-tools/core/runtime/server-map';

export interface ForwarderSettings {
  port: number;
  upstreams: string[];
  serverMap: Record<string, string>;
  logQueries: boolean;
}

export interface ForwarderPlan {
  words: string[];
  where: string;
  servers: string[];
}

export function forwarderPlan(text: string, filePath: string, settings: ForwarderSettings): ForwarderPlan {
  const { words, where } = manifestArgv(text, filePath);
  // Refused as `forward` refuses it (core's start-up check), before consent is asked for its servers.
  const { config } = toForwarderConfig(checkedArgv(words), { upstreams: settings.upstreams });
  return { words, where, servers: configUpstreams(mapServers(config, settings.serverMap)).map((u) => u.key) };
}
