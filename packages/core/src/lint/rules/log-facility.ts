import type { Rule } from '../rule.js';
import { appendWords } from '../fix-builders.js';

export const logFacility: Rule = {
  id: 'log-facility',
  defaultSeverity: 'warning',
  summary: '-q without --log-facility (or -d): the query log goes to a syslog socket that a container does not have.',
  check(context) {
    for (const facts of context.invocations) {
      // Syslog is lost only where there is none: a conf file read on its own may serve a host that has it.
      if (facts.servesNoDns() || facts.hostOrContainerUnknown()) continue;
      const queries = facts.options('log-queries');
      const first = queries[0];
      if (!first || facts.presence('log-facility') !== 'absent' || facts.optionsHidden()) continue;
      // With -d dnsmasq copies every log line, queries included, to stderr (measured with dnsmasq 2.90).
      if (facts.presence('no-daemon') === 'always') continue;
      context.report({
        range: first.nameRange,
        message: `${facts.written(first.spelled)} without ${facts.written('--log-facility')}: dnsmasq writes its query log to syslog (/dev/log), which a container does not have, so the lines are lost. Add ${facts.written('--log-facility=-')} to log to stderr.`,
        workload: facts.invocation.workload,
        fixes: appendWords(facts, ['--log-facility=-'], `Add ${facts.written('--log-facility=-')}`),
      });
    }
  },
};
