import { isTemplated, plugins } from './corefile-facts.js';
import type { CorefileRule } from './corefile-rule.js';

/** CF027 (error): forward accepts at most 15 upstreams. */
export const forwardTooManyUpstreams: CorefileRule = {
  id: 'coredns-forward-too-many-upstreams',
  defaultSeverity: 'error',
  summary: 'forward with more than 15 upstreams: CoreDNS refuses to start.',
  refs: ['CF027'],
  fixable: false,
  check({ corefile, report }) {
    for (const { directive } of plugins(corefile, 'forward')) {
      if (isTemplated(directive)) continue;
      const upstreams = directive.args.slice(1).filter((a) => !a.value.startsWith('/'));
      if (upstreams.length <= 15) continue;
      report({
        range: upstreams[15]!,
        message: `forward takes at most 15 upstreams; this one lists ${upstreams.length}: CoreDNS refuses to start with "more than 15 TOs configured: ${upstreams.length}".`,
      });
    }
  },
};
