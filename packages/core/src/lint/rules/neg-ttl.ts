import type { Rule } from '../rule.js';

export const negTtl: Rule = {
  id: 'neg-ttl',
  defaultSeverity: 'info',
  summary: '--neg-ttl without -N: negative answers are still cached, for the SOA TTL or --neg-ttl seconds.',
  check(context) {
    for (const facts of context.invocations) {
      if (facts.presence('no-negcache') !== 'absent') continue;
      for (const option of facts.options('neg-ttl')) {
        if (facts.conditional(option)) continue;
        const seconds = facts.valueTemplated(option) ? 'the configured number of' : `${option.value || '0'}`;
        context.report({
          range: option.range,
          message: `${option.spelled} bounds only negative answers that carry no SOA (${seconds} seconds); answers with an SOA are still cached for the SOA's TTL, so a flaky upstream's NXDOMAIN/NODATA can be served for minutes. -N/--no-negcache stops negative caching altogether.`,
          workload: facts.invocation.workload,
        });
      }
    }
  },
};
