import { isLoopback, isTemplated, literalUpstreamHost, plugins } from './corefile-facts.js';
import type { CorefileRule } from './corefile-rule.js';

/** CF007 (info): a forward with one literal upstream has nowhere to fail over. */
export const singleUpstream: CorefileRule = {
  id: 'coredns-single-upstream',
  defaultSeverity: 'info',
  summary: 'forward has a single upstream address: nowhere to fail over.',
  refs: ['CF007'],
  fixable: false,
  check({ corefile, report }) {
    if (corefile.source.kind === 'node-local-dns') return;
    for (const { server, directive } of plugins(corefile, 'forward')) {
      if (isTemplated(directive) || directive.args.length !== 2) continue;
      if (server.block.directives.filter((d) => d.name.value === 'forward').length > 1) continue;
      const to = directive.args[1]!;
      const host = literalUpstreamHost(to);
      if (host === undefined || isLoopback(host)) continue;
      report({
        range: to,
        message: `${to.value} is the only upstream of this forward: when it is slow or down every query costs up to two 2 s attempts and ends in SERVFAIL, with no other server to try. Add a second resolver if there is one.`,
      });
    }
  },
};
