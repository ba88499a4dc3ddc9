import type { ArgvProblem, ParsedOption } from '../../dnsmasq/parsed-argv.js';
import type { Fix } from '../finding.js';
import type { InvocationFacts } from '../invocation-facts.js';
import type { Rule, RuleContext } from '../rule.js';

export const optionArgument: Rule = {
  id: 'option-argument',
  defaultSeverity: 'error',
  summary: 'An option value dnsmasq refuses: missing, given to a flag, out of range, or a separate word that dnsmasq calls junk.',
  check(context) {
    for (const facts of context.invocations) {
      for (const problem of facts.argv.problems) {
        if (facts.arg(problem.tokenIndex)?.templated) continue;
        if (problem.code === 'missing-argument' || problem.code === 'unexpected-argument') {
          context.report({
            range: problem.range,
            message: `dnsmasq refuses ${problem.token}: "${problem.message}". ${problem.explanation}`,
            workload: facts.invocation.workload,
          });
        } else if (problem.code === 'junk') {
          reportJunk(context, facts, problem);
        }
      }
    }
  },
};

/** The option right before a junk word, when that word was meant as its value (`--cache-size 1000`). */
export function detachedValueOwner(facts: InvocationFacts, junkIndex: number): ParsedOption | undefined {
  const owner = facts.argv.options.find((o) => o.tokenIndex === junkIndex - 1);
  if (!owner || owner.form !== 'long' || owner.spec.arg !== 'optional' || owner.value !== undefined) return undefined;
  return facts.arg(junkIndex - 1)?.text === owner.spelled ? owner : undefined;
}

function reportJunk(context: RuleContext, facts: InvocationFacts, problem: ArgvProblem): void {
  const afterDoubleDash = facts.argv.positionals.some((p) => p.tokenIndex === problem.tokenIndex && p.afterDoubleDash);
  const owner = afterDoubleDash ? undefined : detachedValueOwner(facts, problem.tokenIndex);
  if (!owner) {
    context.report({
      range: problem.range,
      message: `dnsmasq refuses the word "${problem.token}": "${problem.message}". ${problem.explanation}`,
      workload: facts.invocation.workload,
    });
    return;
  }
  const joined = `${owner.spelled}=${problem.token}`;
  context.report({
    range: { start: owner.range.start, end: problem.range.end },
    message: `dnsmasq takes the value of ${owner.spelled} only as ${joined}: on its own, "${problem.token}" is not read as the value and dnsmasq refuses it ("${problem.message}").`,
    workload: facts.invocation.workload,
    fixes: joinFix(facts, owner.tokenIndex, problem.tokenIndex, joined),
  });
}

function joinFix(facts: InvocationFacts, ownerIndex: number, valueIndex: number, joined: string): Fix[] {
  const owner = facts.arg(ownerIndex);
  const value = facts.arg(valueIndex);
  if (!owner || !value) return [];
  try {
    const edits = [facts.invocation.insertion.replace(owner, joined), facts.invocation.insertion.remove(value)];
    return [{ title: `Write ${joined}`, edits, preferred: true }];
  } catch {
    return [];
  }
}
