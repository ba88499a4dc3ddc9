import type { Rule } from '../rule.js';
import { appendWords, flagFor, misspelling } from '../fix-builders.js';

export const logQueries: Rule = {
  id: 'log-queries',
  defaultSeverity: 'info',
  summary: 'dnsmasq runs without -q/--log-queries, so a bad cached answer leaves no trace in the logs.',
  check(context) {
    for (const facts of context.invocations) {
      const presence = facts.presence('log-queries');
      if (presence === 'always' || facts.delegatedConfig().length > 0) continue;
      const word = flagFor(facts, 'log-queries', 'q');
      const flag = facts.written(word);
      const words = [word];
      if (facts.presence('log-facility') === 'absent' && facts.presence('no-daemon') !== 'always') words.push('--log-facility=-');
      const shown = words.map((w) => facts.written(w)).join(facts.isConfFile() ? ' and ' : ' ');
      const typo = misspelling(facts, 'log-queries');
      const message =
        (typo ? `${typo} looks like a misspelling of ${facts.written('--log-queries')} (see unknown-option). ` : '') +
        (presence === 'conditional'
          ? `${flag} is only set inside a template conditional; renderings without it log no queries, so a cached NODATA cannot be seen in the logs.`
          : `dnsmasq runs without ${flag}: no "query", "reply" or "cached ... is NODATA" lines are logged, so a bad cached answer cannot be seen. Add ${shown}.`);
      context.report({
        range: facts.invocation.containerRange,
        message,
        workload: facts.invocation.workload,
        fixes: appendWords(facts, words, `Add ${shown}`, !typo),
      });
    }
  },
};
