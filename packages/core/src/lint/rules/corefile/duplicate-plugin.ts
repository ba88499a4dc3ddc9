import type { CorefileRule } from './corefile-rule.js';

const ONCE = new Set(['cache', 'errors', 'hosts', 'kubernetes', 'loop', 'prometheus', 'ready', 'dnssec', 'nsid', 'pprof', 'tsig', 'view', 'shed']);

/** CF024: a plugin that may appear once per server block appears twice. */
export const duplicatePlugin: CorefileRule = {
  id: 'coredns-duplicate-plugin',
  defaultSeverity: 'error',
  summary: 'A once-per-server-block plugin (cache, errors, hosts, kubernetes, loop, prometheus, ready, …) repeated.',
  refs: ['CF024'],
  fixable: false,
  check({ corefile, report }) {
    if (corefile.templated) return;
    for (const server of corefile.servers) {
      const seen = new Set<string>();
      for (const d of server.block.directives) {
        const name = d.name.value;
        if (!ONCE.has(name) || d.name.templated) continue;
        if (seen.has(name)) {
          report({ range: d.name, message: `\`${name}\` appears twice in this server block: CoreDNS refuses to start with "plugin/${name}: this plugin can only be used once per Server Block". Merge the two.` });
        }
        seen.add(name);
      }
    }
  },
};
