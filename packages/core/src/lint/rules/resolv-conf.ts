import type { ServerValue } from '../invocation-facts.js';
import type { Rule } from '../rule.js';

export const resolvConf: Rule = {
  id: 'resolv-conf',
  defaultSeverity: 'info',
  summary: 'A default --server without --no-resolv: the nameservers of /etc/resolv.conf are used as well.',
  check(context) {
    for (const facts of context.invocations) {
      if (facts.servesNoDns()) continue;
      if (facts.presence('no-resolv') !== 'absent' || facts.optionsHidden()) continue;
      const files = facts.resolvFiles();
      if (!files || files.length === 0) continue;
      let catchAll: ServerValue | undefined;
      for (const s of facts.servers()) {
        if (s.result.ok && s.kind === 'server' && !facts.conditional(s.option) && s.result.spec.domains.length === 0 && s.result.spec.target.kind === 'upstream') {
          catchAll = s;
          break;
        }
      }
      if (!catchAll) continue;
      context.report({
        range: catchAll.option.range,
        message: `${facts.written(`${catchAll.option.spelled}=${catchAll.value}`)} is a default server, but without ${facts.written('--no-resolv')} dnsmasq also sends queries to the nameservers in ${files.join(', ')}, and answers from either are cached. Add ${facts.written('--no-resolv')} if ${catchAll.value} should be the only upstream.`,
        workload: facts.invocation.workload,
      });
    }
  },
};

