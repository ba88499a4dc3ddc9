import { parseArgv } from '@kube-dns-tools/core/dnsmasq/argv';
import { toForwarderConfig } from '@kube-dns-tools/core/dnsmasq/config';
import { parseTarget, type ProbeTarget } from '@kube-dns-tools/core/probe/probe-target';
import { allUpstreams, isLoopback } from './loopback-config.js';
import { manifestArgv } from './manifest-argv.js';

/**
 * The servers "Probe Upstreams" may ask: the manifest's (with `upstreams` replacing its default servers) and
 * `upstreams` themselves, loopback only. Everything else comes back in `skipped`, never to be contacted.
 */
export function probeTargets(
  manifest: { text: string; filePath: string | undefined } | undefined,
  upstreams: readonly string[],
): { targets: Map<string, ProbeTarget>; skipped: string[] } {
  const targets = new Map<string, ProbeTarget>();
  const skipped: string[] = [];
  const consider = (target: ProbeTarget) => {
    const key = `${target.address}#${target.port}`;
    if (isLoopback(target.address)) targets.set(key, target);
    else if (!skipped.includes(key)) skipped.push(key);
  };
  if (manifest) {
    const { words } = manifestArgv(manifest.text, manifest.filePath);
    const { config } = toForwarderConfig(parseArgv(words), { upstreams });
    for (const server of allUpstreams(config)) consider(server);
  }
  for (const text of upstreams) consider(parseTarget(text));
  return { targets, skipped };
}
