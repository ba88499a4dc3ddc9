import { type Rule, spelledWithValue } from '../rule.js';
import { appendWords, flagFor, misspelling, notFixableNote } from '../fix-builders.js';
import { lifetimeNegTtls } from './neg-ttl.js';
import type { InvocationFacts } from '../invocation-facts.js';

const incident = (facts: InvocationFacts): string =>
  'when an upstream briefly answers NODATA or NXDOMAIN ' +
  `(as a flaky upstream did for sonatype.map.fastly.net), every ${facts.clients()} gets that empty answer from the cache ` +
  `until it expires (the SOA TTL, ${facts.written('--neg-ttl')}, or, with neither, the TTL of the CNAME chain that led there), ` +
  'long after the upstream has recovered.';

export const noNegcache: Rule = {
  id: 'no-negcache',
  defaultSeverity: 'warning',
  summary: 'dnsmasq runs without -N/--no-negcache, so a transient NODATA/NXDOMAIN is served from cache.',
  check(context) {
    for (const facts of context.invocations) {
      if (facts.servesNoDns() || facts.cacheOff()) continue;
      const presence = facts.presence('no-negcache');
      if (presence === 'always' || facts.optionsHidden()) continue;
      const negTtl = facts.presenceOf(lifetimeNegTtls(facts));
      if (presence === 'absent' && negTtl === 'always') continue;
      const word = flagFor(facts, 'no-negcache', 'N');
      const flag = facts.written(word);
      let message: string;
      if (presence === 'conditional') {
        message = `${flag} is only set inside a template conditional; where it is not rendered, dnsmasq caches negative answers: ${incident(facts)}`;
      } else if (negTtl === 'conditional') {
        message = `dnsmasq has no ${flag}, and ${facts.written('--neg-ttl')} is only set inside a template conditional; where neither is rendered, dnsmasq caches negative answers: ${incident(facts)}`;
      } else {
        message = `dnsmasq runs without ${flag}, so it caches negative answers: ${incident(facts)} Add ${flag}.`;
      }
      const zeroNegTtl = negTtl === 'absent' ? facts.options('neg-ttl')[0] : undefined;
      if (zeroNegTtl) message += ` (${facts.written(spelledWithValue(zeroNegTtl))} reads as 0, dnsmasq's default, and changes none of this.)`;
      const typo = misspelling(facts, 'no-negcache');
      if (typo) message += ` (${typo} looks like a misspelling of it: see unknown-option.)`;
      context.report({
        range: facts.invocation.containerRange,
        message: message + notFixableNote(facts),
        workload: facts.invocation.workload,
        fixes: appendWords(facts, [word], `Add ${flag}`, !typo),
      });
    }
  },
};
