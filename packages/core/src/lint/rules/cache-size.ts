import { CACHE_SIZE_MAX, numericValue } from '../../dnsmasq/numbers.js';
import type { Rule } from '../rule.js';

export const cacheSize: Rule = {
  id: 'cache-size',
  defaultSeverity: 'warning',
  summary: '--cache-size that turns the cache off, wraps around, or is silently clamped.',
  check(context) {
    for (const facts of context.invocations) {
      if (facts.servesNoDns()) continue;
      const given = facts.literalValue('cache-size');
      if (!given) continue;
      const { option, value } = given;
      const spelled = facts.written(option.spelled);
      const n = numericValue(value);
      if (n === undefined) continue;
      const consequence = n <= 0 ? 'disables the cache' : n > CACHE_SIZE_MAX ? `is silently clamped to ${CACHE_SIZE_MAX} entries` : undefined;
      let message: string | undefined;
      if (BigInt(value || '0') !== BigInt(n)) {
        message = `dnsmasq reads ${spelled}=${value} with C's atoi, which makes it ${n}${consequence ? `, and that ${consequence}` : ''}.`;
      } else if (n === 0) {
        message = `${spelled}=${value} disables dnsmasq's cache: every query goes upstream, and kube-dns's load and latency rise.`;
      } else if (consequence) {
        message = `dnsmasq silently clamps ${spelled}=${value} to ${CACHE_SIZE_MAX} entries.`;
      }
      if (!message) continue;
      context.report({ range: option.range, message, workload: facts.invocation.workload });
    }
  },
};
