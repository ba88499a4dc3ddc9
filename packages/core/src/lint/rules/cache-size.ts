import type { Rule } from '../rule.js';

const CLAMP = 5_000_000;

/** What dnsmasq makes of a digits-only value: C atoi, so values of 2^31 and more wrap modulo 2^32. */
export function dnsmasqNumber(value: string): number | undefined {
  if (!/^\d*$/.test(value)) return undefined;
  if (value === '') return 0;
  return Number(BigInt.asIntN(32, BigInt(value)));
}

export const cacheSize: Rule = {
  id: 'cache-size',
  defaultSeverity: 'warning',
  summary: '--cache-size that turns the cache off, wraps around, or is silently clamped.',
  check(context) {
    for (const facts of context.invocations) {
      const given = facts.literalValue('cache-size');
      if (!given) continue;
      const { option, value } = given;
      const n = dnsmasqNumber(value);
      if (n === undefined) continue;
      let message: string | undefined;
      if (BigInt(value || '0') >= 2n ** 31n) {
        message = `dnsmasq reads ${option.spelled}=${value} with C's atoi, so it wraps to ${n}${n <= 0 ? ', which disables the cache' : ''}.`;
      } else if (n === 0) {
        message = `${option.spelled}=${value} disables dnsmasq's cache: every query goes upstream, and kube-dns's load and latency rise.`;
      } else if (n > CLAMP) {
        message = `dnsmasq silently clamps ${option.spelled}=${value} to ${CLAMP} entries.`;
      }
      if (!message) continue;
      context.report({ range: option.range, message, workload: facts.invocation.workload });
    }
  },
};
