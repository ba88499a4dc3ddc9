import type { Rule } from '../rule.js';
import { appendWords, flagFor, misspelling, notFixableNote } from '../fix-builders.js';

export const logQueries: Rule = {
  id: 'log-queries',
  defaultSeverity: 'info',
  summary: 'dnsmasq runs without -q/--log-queries, so a bad cached answer leaves no trace in the logs.',
  check(context) {
    for (const facts of context.invocations) {
      if (facts.servesNoDns()) continue;
      const presence = facts.presence('log-queries');
      if (presence === 'always' || facts.optionsHidden()) continue;
      const word = flagFor(facts, 'log-queries', 'q');
      const typo = misspelling(facts, 'log-queries');
      const flag = facts.written(word);
      const words = [word];
      const facility = facts.presence('no-daemon') === 'always' ? 'always' : facts.presence('log-facility');
      // On a host, --log-facility=- would move the whole log off syslog: a conf file read on its own gets only -q.
      const hostMayLog = facts.hostOrContainerUnknown();
      if (facility === 'absent' && !hostMayLog) words.push('--log-facility=-');
      // With --log-facility in a template conditional, no one added word keeps every rendering consistent:
      // adding it again repeats it (dnsmasq refuses that), leaving it out loses the log where it is not rendered.
      const automatic = !typo && facility !== 'conditional';
      const shown = words.map((w) => facts.written(w)).join(facts.isConfFile() ? ' and ' : ' ');
      const message =
        (typo ? `${typo} looks like a misspelling of ${facts.written('--log-queries')} (see unknown-option). ` : '') +
        (presence === 'conditional'
          ? `${flag} is only set inside a template conditional; renderings without it log no queries, so a cached NODATA cannot be seen in the logs.`
          : `dnsmasq runs without ${flag}: no "query", "reply" or "cached ... is NODATA" lines are logged, so a bad cached answer cannot be seen. Add ${shown}.` +
            (hostMayLog && facility === 'absent' ? ` In a container, which has no syslog, add ${facts.written('--log-facility=-')} too.` : ''));
      context.report({
        range: facts.invocation.containerRange,
        message: message + notFixableNote(facts),
        workload: facts.invocation.workload,
        fixes: appendWords(facts, words, `Add ${shown}`, automatic),
      });
    }
  },
};
