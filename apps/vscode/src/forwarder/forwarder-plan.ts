// What "Run Local Forwarder" will run for a manifest: the argv (core's reading), and the servers it will send to
// after the settings replaced the default servers and mapped sidecars; these are what consent is asked for.
import { parseArgv, toForwarderConfig, type ParsedArgv } from '@kube-dns-tools/core/dnsmasq';
import { checkedArgv, configUpstreams, manifestArgv, mapServers } from '@kube-dns-tools/core/runtime';

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

/** What "Run Local Forwarder" runs: an argv dnsmasq would refuse is refused as `forward` refuses it, before consent. */
export function forwarderPlan(text: string, filePath: string, settings: ForwarderSettings): ForwarderPlan {
  return plan(text, filePath, settings, checkedArgv);
}

/** What "Probe Upstreams" asks: the servers, without the start-up check, as `probe --manifest` reads them. */
export function probedPlan(text: string, filePath: string, settings: ForwarderSettings): ForwarderPlan {
  return plan(text, filePath, settings, parseArgv);
}

function plan(text: string, filePath: string, settings: ForwarderSettings, read: (words: string[]) => ParsedArgv): ForwarderPlan {
  const { words, where } = manifestArgv(text, filePath);
  const { config } = toForwarderConfig(read(words), { upstreams: settings.upstreams });
  return { words, where, servers: configUpstreams(mapServers(config, settings.serverMap)).map((u) => u.key) };
}
