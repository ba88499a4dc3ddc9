import { hasPlugin, plugins } from './corefile-facts.js';
import type { CorefileRule } from './corefile-rule.js';

/** CF001 (info): upstreams from resolv.conf with no `loop` plugin to catch a loopback nameserver. */
export const resolvConfWithoutLoop: CorefileRule = {
  id: 'coredns-resolv-conf-without-loop',
  defaultSeverity: 'info',
  summary: '`forward . /etc/resolv.conf` in a server block without the loop plugin.',
  refs: ['CF001'],
  fixable: false,
  check({ corefile, report }) {
    if (corefile.source.kind === 'node-local-dns' || corefile.templated) return;
    for (const { server, directive } of plugins(corefile, 'forward')) {
      if (server.block.opaque || hasPlugin(server, 'loop') || hasPlugin(server, 'import')) continue;
      const file = directive.args.slice(1).find((a) => !a.templated && a.value.startsWith('/'));
      if (!file) continue;
      report({
        range: file,
        message: `Upstreams come from ${file.value}, which for \`dnsPolicy: Default\` is the node's file; a loopback nameserver there (127.0.0.53 of systemd-resolved, 127.0.0.1 of a local dnsmasq) points back at this pod and, without the \`loop\` plugin, loops silently until the pod is OOM-killed. Add \`loop\` to this server block.`,
      });
    }
  },
};
