import type { CfToken } from '../../../corefile/model.js';
import type { Fix } from '../../finding.js';
import { durationSeconds, INTEGER, isTemplated, options, plugins } from './corefile-facts.js';
import { insertOption, replaceToken } from './corefile-edits.js';
import type { CorefileRule } from './corefile-rule.js';

const LIMIT = 30;
const DEFAULT_DENIAL = 1800;
const DEFAULT_MINTTL = 5;

/** CF002: NXDOMAIN/NODATA kept long by the cache plugin — the kube-dns incident in CoreDNS's terms. */
export const longDenialCache: CorefileRule = {
  id: 'coredns-long-denial-cache',
  defaultSeverity: 'warning',
  summary: 'The cache plugin keeps negative answers (NXDOMAIN, NODATA) longer than 30 s.',
  refs: ['CF002'],
  fixable: true,
  check({ text, corefile, report }) {
    for (const { directive: cache } of plugins(corefile, 'cache')) {
      if (isTemplated(cache)) continue;
      const first = cache.args[0];
      if (first && !INTEGER.test(first.value) && durationSeconds(first.value) !== undefined) continue;
      const disabled = options(cache, 'disable').some(
        (o) => o.args[0]?.value === 'denial' && (o.args.length === 1 || o.args.slice(1).some((z) => z.value === '.')),
      );
      if (disabled) continue;
      let ttl = DEFAULT_DENIAL;
      let ttlToken: CfToken | undefined;
      let from = 'a bare `cache` keeps them up to its default denial maximum';
      if (first && INTEGER.test(first.value)) {
        ttl = Number(first.value);
        ttlToken = first;
        from = `\`cache ${first.value}\` sets the success and the denial maximum`;
      }
      const denial = options(cache, 'denial').at(-1);
      const denialTtl = denial?.args[1];
      if (denialTtl) {
        if (!INTEGER.test(denialTtl.value)) continue;
        ttl = Number(denialTtl.value);
        ttlToken = denialTtl;
        from = `\`denial ${denial!.args.map((a) => a.value).join(' ')}\` sets the denial maximum`;
      }
      if (ttl > LIMIT) {
        const fixes: Fix[] = [];
        const edit = denialTtl ? replaceToken(text, denialTtl, String(LIMIT)) : insertOption(text, corefile, cache, `denial 9984 ${LIMIT}`);
        if (edit) fixes.push({ title: `Cap negative caching at ${LIMIT} s (\`denial 9984 ${LIMIT}\`)`, edits: [edit], preferred: true });
        report({
          range: ttlToken ?? cache.name,
          message:
            `NXDOMAIN and NODATA answers are cached for up to ${ttl} s: ${from}. A negative answer from a flaky upstream (or for a name created a moment later) is then served to every pod for that long, even after the upstream recovers. ` +
            `The real duration is the SOA TTL of the reply, capped there${ttl > 3600 ? ' (CoreDNS before 1.14.4 silently capped it at 3600 s)' : ''}. NodeLocal DNSCache ships \`denial 9984 5\` for the cluster domain and kubeadm \`cache 30\`.`,
          fixes,
        });
      }
      const minTtl = denial?.args[2];
      if (minTtl && INTEGER.test(minTtl.value) && Number(minTtl.value) > DEFAULT_MINTTL) {
        const edit = replaceToken(text, minTtl, String(DEFAULT_MINTTL));
        report({
          range: minTtl,
          message: `The denial MINTTL ${minTtl.value} keeps every NXDOMAIN and NODATA answer for at least ${minTtl.value} s, even when the upstream's SOA says less; the default is ${DEFAULT_MINTTL} s.`,
          fixes: edit ? [{ title: `Use the default MINTTL of ${DEFAULT_MINTTL} s`, edits: [edit], preferred: true }] : [],
        });
      }
    }
  },
};
