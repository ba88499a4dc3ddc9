import { isLoopback, literalUpstreamHost, plugins } from './corefile-facts.js';
import type { CorefileRule } from './corefile-rule.js';

/** CF001 (error): a literal loopback upstream in the cluster DNS, which is the CoreDNS pod itself. */
export const forwardLoopback: CorefileRule = {
  id: 'coredns-forward-loopback',
  defaultSeverity: 'error',
  summary: 'forward/proxy sends queries to a loopback address, which inside the pod is CoreDNS itself.',
  refs: ['CF001'],
  fixable: false,
  check({ corefile, report }) {
    if (corefile.source.kind === 'node-local-dns') return;
    for (const name of ['forward', 'proxy']) {
      for (const { directive } of plugins(corefile, name)) {
        for (const to of directive.args.slice(1)) {
          const host = literalUpstreamHost(to);
          if (host === undefined || !isLoopback(host)) continue;
          report({
            range: to,
            message: `Forwarding to ${to.value} sends queries back to this CoreDNS pod: inside the pod, loopback is CoreDNS itself. With \`loop\` CoreDNS exits with "Loop … detected" (CrashLoopBackOff); without it the pod loops until it is OOM-killed. Point at a real resolver, or fix the node's resolv.conf (kubelet \`resolvConf\`).`,
          });
        }
      }
    }
  },
};
