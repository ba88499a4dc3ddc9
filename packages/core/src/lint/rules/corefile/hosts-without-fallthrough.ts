import { isTemplated, options, plugins } from './corefile-facts.js';
import { insertOption } from './corefile-edits.js';
import type { CorefileRule } from './corefile-rule.js';

/** CF016: hosts without fallthrough answers SERVFAIL for every other name of its zones. */
export const hostsWithoutFallthrough: CorefileRule = {
  id: 'coredns-hosts-without-fallthrough',
  defaultSeverity: 'warning',
  summary: '`hosts` without `fallthrough`: every name it does not know gets SERVFAIL.',
  refs: ['CF016'],
  fixable: true,
  check({ text, corefile, report }) {
    for (const { server, directive } of plugins(corefile, 'hosts')) {
      if (isTemplated(directive) || server.block.opaque || options(directive, 'fallthrough').length > 0) continue;
      const zones = directive.args.slice(1).map((a) => a.value);
      const where = zones.length > 0 ? zones.join(' ') : server.keys.map((k) => k.value).join(' ');
      const edit = insertOption(text, corefile, directive, 'fallthrough');
      report({
        range: directive.name,
        message: `Without \`fallthrough\`, hosts answers every name under ${where} that is not in its data with SERVFAIL (it has no SOA to say NXDOMAIN), so the plugins after it (kubernetes, forward) never see those queries. Add \`fallthrough\`.`,
        fixes: edit ? [{ title: 'Add `fallthrough`', edits: [edit], preferred: true }] : [],
      });
    }
  },
};
