import { numericValue } from '../../dnsmasq/numbers.js';
import { type Rule, spelledWithValue } from '../rule.js';

export const dnsForwardMax: Rule = {
  id: 'dns-forward-max',
  defaultSeverity: 'error',
  summary: '--dns-forward-max that reads as 0 or less: every forwarded query is REFUSED, or dnsmasq does not start.',
  check(context) {
    for (const facts of context.invocations) {
      if (facts.servesNoDns()) continue;
      const given = facts.literalValue('dns-forward-max');
      const n = given ? numericValue(given.value) : undefined;
      if (!given || n === undefined || n > 0) continue;
      const { option, value } = given;
      const written = facts.written(spelledWithValue(option)) + (value === '' ? ' (empty, read as 0)' : BigInt(value) === BigInt(n) ? '' : ` (read by C's atoi as ${n})`);
      // Measured with dnsmasq 2.90: -1 starts and refuses every forward; lower values fail the start-up allocation.
      const message =
        n >= -1
          ? `${written} allows no query in flight: dnsmasq answers every query it would forward with REFUSED ("Maximum number of concurrent DNS queries reached"). Remove it (default 150) or give a positive number.`
          : `${written} makes dnsmasq fail at start-up with "could not get memory" (exit 4), although --test accepts it. Remove it (default 150) or give a positive number below 2147483648.`;
      context.report({ range: option.range, message, workload: facts.invocation.workload });
    }
  },
};
