import { unsignedValue } from '../../dnsmasq/numbers.js';
import type { ParsedOption } from '../../dnsmasq/argv/parsed-argv.js';
import type { InvocationFacts } from '../invocation-facts.js';
import type { Rule } from '../rule.js';

/**
 * The --neg-ttl occurrences that give SOA-less negative answers a lifetime. A value dnsmasq reads as 0 is its
 * default: such answers then live for the TTL of the CNAME chain that led to them, the incident's mechanism.
 */
export function lifetimeNegTtls(facts: InvocationFacts): ParsedOption[] {
  return facts.options('neg-ttl').filter((o) => facts.valueTemplated(o) || unsignedValue(o.value ?? '') !== 0);
}

export const negTtl: Rule = {
  id: 'neg-ttl',
  defaultSeverity: 'info',
  summary: '--neg-ttl without -N: negative answers are still cached, for the SOA TTL or --neg-ttl seconds.',
  check(context) {
    for (const facts of context.invocations) {
      if (facts.servesNoDns()) continue;
      if (facts.presence('no-negcache') !== 'absent' || facts.optionsHidden()) continue;
      for (const option of lifetimeNegTtls(facts)) {
        if (facts.conditional(option)) continue;
        const seconds = facts.valueTemplated(option) ? 'the configured number of' : `${unsignedValue(option.value ?? '') ?? option.value}`;
        context.report({
          range: option.range,
          message: `${facts.written(option.spelled)} bounds only negative answers that carry no SOA (${seconds} seconds); answers with an SOA are still cached for the SOA's TTL, so a flaky upstream's NXDOMAIN/NODATA can be served for minutes. ${facts.isConfFile() ? 'no-negcache' : '-N/--no-negcache'} stops negative caching altogether.`,
          workload: facts.invocation.workload,
        });
      }
    }
  },
};
