import { isIPv4, isIPv6, plugins } from './corefile-facts.js';
import { replaceToken } from './corefile-edits.js';
import type { CorefileRule } from './corefile-rule.js';

const DEFAULT_PORT: Record<string, string> = { health: '8080', ready: '8181', prometheus: '9153' };
const HOST_PORT = /^(\[[^\]]*\]|[^:[\]]*):[^:[\]]*$/;

/** CF026: `health 8080`, `prometheus 9153` — an address without a port, rejected at start-up. */
export const addressWithoutPort: CorefileRule = {
  id: 'coredns-address-without-port',
  defaultSeverity: 'error',
  summary: '`health`, `ready` or `prometheus` address without `:port` (or an IPv6 address without brackets).',
  refs: ['CF026'],
  fixable: true,
  check({ text, corefile, report }) {
    for (const name of Object.keys(DEFAULT_PORT)) {
      for (const { directive } of plugins(corefile, name)) {
        const address = directive.args[0];
        if (!address || address.templated || address.env || HOST_PORT.test(address.value)) continue;
        const v = address.value;
        const port = DEFAULT_PORT[name]!;
        const fixed = /^\d+$/.test(v) ? `:${v}` : isIPv4(v) ? `${v}:${port}` : isIPv6(v) ? `[${v}]:${port}` : undefined;
        const edit = fixed === undefined ? undefined : replaceToken(text, address, fixed);
        report({
          range: address,
          message: `\`${name} ${v}\` is not a host:port address: CoreDNS refuses to start with "plugin/${name === 'prometheus' ? 'prometheus' : name}: address ${v}: ${v.split(':').length > 2 ? 'too many colons in address' : 'missing port in address'}".${fixed ? ` Write \`${fixed}\`.` : ''}`,
          fixes: edit ? [{ title: `Write \`${fixed}\``, edits: [edit], preferred: true }] : [],
        });
      }
    }
  },
};
