import { parseTarget, type ProbeTarget } from '@kube-dns-tools/core/probe';
import type { ForwarderSettings } from '../forwarder/forwarder-plan.js';
import { probedPlan } from '../forwarder/forwarder-plan.js';

/**
 * The servers "Probe Upstreams" asks: those the manifest's forwarder would send to (with the settings' upstreams
 * replacing its default servers and its server map applied), then the settings' upstreams. Consent comes after.
 */
export function probeTargets(manifest: { text: string; filePath: string } | undefined, settings: ForwarderSettings): Map<string, ProbeTarget> {
  const targets = new Map<string, ProbeTarget>();
  const add = (text: string) => {
    const target = parseTarget(text);
    targets.set(`${target.address}#${target.port}`, target);
  };
  if (manifest) for (const key of probedPlan(manifest.text, manifest.filePath, settings).servers) add(key);
  for (const text of settings.upstreams) {
    try {
      add(text);
    } catch (error) {
      throw new Error(`kubeDnsTools.forwarder.upstreams: ${(error as Error).message}`);
    }
  }
  return targets;
}
