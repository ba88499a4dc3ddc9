import { optionIdentity } from '../../dnsmasq/options/option-lookup.js';
import { removeWord } from '../fix-builders.js';
import type { Rule } from '../rule.js';

export const repeatedOption: Rule = {
  id: 'repeated-option',
  defaultSeverity: 'error',
  summary: 'An option dnsmasq allows once is given twice: "illegal repeated flag", dnsmasq would not start.',
  check(context) {
    for (const facts of context.invocations) {
      for (const problem of facts.argv.problems) {
        if (problem.code !== 'repeated-option' || !problem.option) continue;
        const identity = optionIdentity(problem.option);
        const all = facts.argv.options.filter((o) => optionIdentity(o.spec) === identity);
        const repeated = all.find((o) => o.tokenIndex === problem.tokenIndex);
        const earlier = all.filter((o) => o.tokenIndex < problem.tokenIndex);
        // Two branches of an if/else each setting the option render only one of them.
        if (!repeated || facts.conditional(repeated) || earlier.some((o) => facts.conditional(o))) continue;
        const same = earlier.some((o) => o.value === repeated.value);
        const fixes = repeated.valueTokenIndex === undefined ? removeWord(facts, repeated.tokenIndex, `Remove the repeated ${facts.written(repeated.spelled)}`, same) : [];
        context.report({
          range: repeated.range,
          message: `dnsmasq refuses a second ${facts.written(repeated.spelled)}: "${facts.dnsmasqSays(problem.message, repeated.range.start, problem.code)}". ${problem.explanation}`,
          workload: facts.invocation.workload,
          fixes,
        });
      }
    }
  },
};
