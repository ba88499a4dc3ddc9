import { isTemplated, options, plugins } from './corefile-facts.js';
import { insertOption } from './corefile-edits.js';
import type { CorefileRule } from './corefile-rule.js';

const REVERSE = /(^|\.)(in-addr|ip6)\.arpa\.?$/i;

/** CF010 (a): kubernetes serving the reverse zones without falling through for IPs outside the cluster. */
export const reverseZonesWithoutFallthrough: CorefileRule = {
  id: 'coredns-reverse-zones-without-fallthrough',
  defaultSeverity: 'warning',
  summary: 'kubernetes serves in-addr.arpa/ip6.arpa without `fallthrough` for them: PTR for non-cluster IPs is NXDOMAIN.',
  refs: ['CF010'],
  fixable: true,
  check({ text, corefile, report }) {
    for (const { directive } of plugins(corefile, 'kubernetes')) {
      if (isTemplated(directive)) continue;
      const reverse = directive.args.filter((a) => REVERSE.test(a.value));
      if (reverse.length === 0) continue;
      const fallthrough = options(directive, 'fallthrough');
      const covered = (zone: string) => fallthrough.some((f) => f.args.length === 0 || f.args.some((a) => a.value.replace(/\.$/, '') === zone.replace(/\.$/, '')));
      const missing = reverse.filter((z) => !covered(z.value));
      if (missing.length === 0) continue;
      const zones = missing.map((z) => z.value).join(' ');
      const edit = fallthrough.length === 0 ? insertOption(text, corefile, directive, `fallthrough ${zones}`) : undefined;
      report({
        range: missing[0]!,
        message: `kubernetes answers ${zones} itself, and without \`fallthrough ${zones}\` a PTR query for any IP outside the cluster gets NXDOMAIN instead of going to the next plugin (forward).`,
        fixes: edit ? [{ title: `Add \`fallthrough ${zones}\``, edits: [edit], preferred: true }] : [],
      });
    }
  },
};
