import { isTemplated, options, plugins } from './corefile-facts.js';
import type { CorefileRule } from './corefile-rule.js';

/** CF027 (warning): DNS-over-TLS upstreams whose certificate name is never checked. */
export const forwardTlsWithoutServername: CorefileRule = {
  id: 'coredns-forward-tls-without-servername',
  defaultSeverity: 'warning',
  summary: '`tls://` upstreams without `tls_servername`: the certificate name is not checked.',
  refs: ['CF027'],
  fixable: false,
  check({ corefile, report }) {
    for (const { directive } of plugins(corefile, 'forward')) {
      if (isTemplated(directive) || options(directive, 'tls_servername').length > 0) continue;
      const tls = directive.args.slice(1).find((a) => a.value.startsWith('tls://') && !a.value.includes('%'));
      if (!tls) continue;
      report({
        range: tls,
        message: `${tls.value} is reached over TLS, but without \`tls_servername\` (or \`tls://IP%name\`) the server's certificate name is not checked, so anyone on the path can answer in its place. Add \`tls_servername <the resolver's name>\`.`,
      });
    }
  },
};
