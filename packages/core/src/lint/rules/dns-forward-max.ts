import type { Rule } from '../rule.js';
import { dnsmasqNumber } from './cache-size.js';

export const dnsForwardMax: Rule = {
  id: 'dns-forward-max',
  defaultSeverity: 'error',
  summary: '--dns-forward-max=0: dnsmasq answers every query it would forward with REFUSED.',
  check(context) {
    for (const facts of context.invocations) {
      const given = facts.literalValue('dns-forward-max');
      if (!given || dnsmasqNumber(given.value) !== 0) continue;
      context.report({
        range: given.option.range,
        message: `${given.option.spelled} ${given.value === '' ? '(empty, read as 0)' : '0'} allows no query in flight: dnsmasq answers every query it would forward with REFUSED ("Maximum number of concurrent DNS queries reached"). Remove it (default 150) or give a positive number.`,
        workload: facts.invocation.workload,
      });
    }
  },
};
