import { olderThan } from '../../../corefile/coredns-version.js';
import type { CorefileRule } from './corefile-rule.js';

/** CF009: the cluster DNS Corefile without `ready` or `health`: the Deployment's probes fail. */
export const missingProbePlugin: CorefileRule = {
  id: 'coredns-missing-probe-plugin',
  defaultSeverity: 'error',
  summary: 'The coredns Corefile has no `health` or `ready` while the Deployment in the same file probes them.',
  refs: ['CF009'],
  fixable: false,
  check({ text, corefile, version, report }) {
    if (corefile.source.kind !== 'coredns' || corefile.templated || corefile.imports.length > 0) return;
    const served = corefile.servers.filter((s) => !s.snippet);
    if (served.length === 0 || served.some((s) => s.block.opaque || s.block.directives.some((d) => d.name.value === 'import' || d.name.templated))) return;
    const has = (name: string) => served.some((s) => s.block.directives.some((d) => d.name.value === name));
    // Only what a probe in the same file asks for: older Deployments probe neither path.
    const probed = (path: string) => new RegExp(`^\\s*path:\\s*["']?/${path}\\b`, 'm').test(text);
    const missing = [
      ...(has('health') || !probed('health') ? [] : ['health (the liveness probe asks /health on :8080: pods are restarted)']),
      ...(has('ready') || !probed('ready') || (version !== undefined && olderThan(version, '1.5.0')) ? [] : ['ready (the readiness probe asks /ready on :8181: pods never become Ready)']),
    ];
    if (missing.length === 0) return;
    const key = served[0]!.keys[0]!;
    report({
      range: key,
      message: `The cluster DNS Corefile has no ${missing.join(' and no ')}. kubeadm, kops and the addon manifests probe both; add the plugin${missing.length > 1 ? 's' : ''} to this server block.`,
    });
  },
};
