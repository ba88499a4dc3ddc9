import type { CfToken } from '../../../corefile/model.js';
import type { CorefileRule } from './corefile-rule.js';

const PORTS: Record<string, string> = { dns: '53', tls: '853', quic: '853', grpc: '443', https: '443', https3: '443' };

/** `dns://.:53` for `.`, `.:53`, `dns://.`: what CoreDNS compares to find a zone served twice. */
function address(key: CfToken): string | undefined {
  if (key.templated || key.env || key.value.startsWith('(')) return undefined;
  const m = /^(?:([a-z0-9]+):\/\/)?(.*?)(?::(\d+))?$/.exec(key.value.toLowerCase().replace(/,$/, ''));
  if (!m || m[2] === '' || m[2]!.includes('/')) return undefined;
  const scheme = m[1] ?? 'dns';
  const port = m[3] ?? PORTS[scheme];
  if (port === undefined) return undefined;
  const zone = m[2]!.endsWith('.') ? m[2]! : `${m[2]}.`;
  return `${scheme}://${zone}:${port}`;
}

/** CF023: the same zone and port in two server blocks. */
export const duplicateServerBlock: CorefileRule = {
  id: 'coredns-duplicate-server-block',
  defaultSeverity: 'error',
  summary: 'The same zone and port served by two server blocks: CoreDNS refuses to start.',
  refs: ['CF023'],
  fixable: false,
  check({ corefile, report }) {
    if (corefile.templated || corefile.imports.length > 0) return;
    const seen = new Map<string, CfToken>();
    for (const server of corefile.servers) {
      if (server.snippet || server.block.directives.some((d) => d.name.value === 'bind' || d.name.value === 'view' || d.name.value === 'import')) continue;
      for (const key of server.keys) {
        const a = address(key);
        if (a === undefined) continue;
        const first = seen.get(a);
        if (first) {
          report({ range: key, message: `\`${key.value}\` is already served by an earlier server block (\`${first.value}\`): CoreDNS refuses to start with "cannot serve ${a} - it is already defined". Merge the two blocks.` });
        } else {
          seen.set(a, key);
        }
      }
    }
  },
};
