import type { CfBlock, CfToken, Corefile } from '../../../corefile/model.js';
import type { CorefileRule } from './corefile-rule.js';

/** Directives whose arguments from the second on are a list of addresses (forward and proxy: FROM, then TO...). */
const ADDRESS_LISTS = new Set(['forward', 'proxy']);
/** Directives whose one argument is a listen address (`:9153`, `0.0.0.0:8080`). */
const LISTEN_ADDRESSES = new Set(['prometheus', 'health', 'ready', 'debug', 'pprof']);

/** What an expanded value means where the token stands: a list of addresses, a listen address, or anything else. */
type Position = 'address-list' | 'listen-address' | 'other';

function positions(corefile: Corefile): Map<CfToken, Position> {
  const at = new Map<CfToken, Position>();
  const walk = (block: CfBlock | undefined): void => {
    for (const d of block?.directives ?? []) {
      const name = d.name.value;
      d.args.forEach((arg, i) => {
        if (ADDRESS_LISTS.has(name) ? i >= 1 : name === 'bind') at.set(arg, 'address-list');
        else if (LISTEN_ADDRESSES.has(name) && d.depth === 0) at.set(arg, 'listen-address');
      });
      walk(d.block);
    }
  };
  for (const server of corefile.servers) walk(server.block);
  return at;
}

function consequence(token: CfToken, reference: string, position: Position): string {
  if (position === 'address-list') return 'a value with several addresses stays one argument (forward then fails with "not an IP address or file"), and an unset variable becomes empty';
  if (position === 'listen-address') return `an unset variable becomes empty (\`${token.value}\` turns into \`${token.value.replace(reference, '')}\`, all interfaces)`;
  return 'a value with several words stays one argument, and an unset variable becomes empty';
}

/** CF020: `{$VAR}` expands inside one word; an unset variable becomes the empty string. */
export const envSubstitution: CorefileRule = {
  id: 'coredns-env-substitution',
  defaultSeverity: 'info',
  summary: '`{$VAR}` expands to exactly one word, and to nothing when unset.',
  refs: ['CF020'],
  fixable: false,
  check({ text, corefile, report }) {
    const where = positions(corefile);
    for (const token of corefile.tokens) {
      if (!token.env) continue;
      const name = /\{\$([^}\s]*)\}|\{%([^%\s]*)%\}/.exec(token.value);
      const variable = name?.[1] ?? name?.[2] ?? '';
      const at = text.indexOf(name?.[0] ?? '\u0000', token.start);
      const range = at >= 0 && at < token.end ? { start: at, end: at + name![0].length } : token;
      report({
        range,
        message: `\`${variable}\` is expanded by CoreDNS inside this one word: ${consequence(token, name?.[0] ?? '', where.get(token) ?? 'other')}. Make sure the pod sets it to a single value.`,
      });
    }
  },
};
