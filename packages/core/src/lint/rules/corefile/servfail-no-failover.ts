import { isTemplated, literalUpstreamHost, options, plugins } from './corefile-facts.js';
import { insertOption } from './corefile-edits.js';
import type { CorefileRule } from './corefile-rule.js';
import { formatVersion, olderThan } from '../../../corefile/coredns-version.js';

/** CF008: an ordered upstream list whose first server's SERVFAIL is returned, not failed over. */
export const servfailNoFailover: CorefileRule = {
  id: 'coredns-servfail-no-failover',
  defaultSeverity: 'info',
  summary: '`policy sequential` without `failover`: a SERVFAIL from the first upstream is returned to clients.',
  refs: ['CF008'],
  fixable: true,
  check({ text, corefile, version, report }) {
    for (const { directive } of plugins(corefile, 'forward')) {
      if (isTemplated(directive)) continue;
      const upstreams = directive.args.slice(1);
      if (upstreams.length < 2 || upstreams.some((u) => literalUpstreamHost(u) === undefined)) continue;
      const policy = options(directive, 'policy').find((o) => o.args[0]?.value === 'sequential');
      if (!policy || options(directive, 'failover').length > 0) continue;
      const canFix = version !== undefined && !olderThan(version, '1.13.0');
      const edit = canFix ? insertOption(text, corefile, directive, 'failover SERVFAIL REFUSED') : undefined;
      report({
        range: policy.args[0]!,
        message: `Any reply counts as an answer for forward: a SERVFAIL or REFUSED from ${upstreams[0]!.value} is returned to clients (and cached 5 s) instead of trying the next upstream. \`failover SERVFAIL REFUSED\` does that from CoreDNS 1.13.0${version ? ` (the image here is ${formatVersion(version)})` : ''}.`,
        fixes: edit ? [{ title: 'Fail over on SERVFAIL and REFUSED', edits: [edit], preferred: true }] : [],
      });
    }
  },
};
