// What "Run Local Forwarder" will run for a manifest: the argv (core's reading), and the servers it will send to
// after the settings replaced the default servers and mapped sidecars; these are what consent is asked for.
import { parseArgv, toForwarderConfig } from '@kube-dns-tools/core/dnsmasq';
import { configUpstreams, manifestArgv, mapServers } from '@kube-dns-tools/core/runtime';

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
  const { config } = toForwarderConfig(parseArgv(words), { upstreams: settings.upstreams });
  return { words, where, servers: configUpstreams(mapServers(config, settings.serverMap)).map((u) => u.key) };
}
