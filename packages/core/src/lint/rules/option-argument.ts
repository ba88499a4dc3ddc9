import { validateOptionValue } from '../../dnsmasq/options/option-values.js';
import type { ArgvProblem, ParsedOption } from '../../dnsmasq/argv/parsed-argv.js';
import { isServerOptionKind } from '../../dnsmasq/server/server-spec.js';
import { joinWords } from '../fix-builders.js';
import type { InvocationFacts } from '../invocation-facts.js';
import { quotedExcerpt } from '../quoted-excerpt.js';
import { type Rule, type RuleContext, spelledWithValue } from '../rule.js';

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
            message: `dnsmasq refuses ${quotedExcerpt(facts.written(problem.token))}: "${facts.dnsmasqSays(problem.message, problem.range.start, problem.code)}". ${problem.explanation}`,
            workload: facts.invocation.workload,
          });
        } else if (problem.code === 'junk') {
          reportJunk(context, facts, problem);
        }
      }
      checkValues(context, facts);
    }
  },
};

function checkValues(context: RuleContext, facts: InvocationFacts): void {
  for (const option of facts.argv.options) {
    // Server-grammar values belong to server-syntax; placeholders are never judged.
    if (isServerOptionKind(option.spec.long) || facts.nameTemplated(option) || facts.valueTemplated(option)) continue;
    const verdict = validateOptionValue(option.spec, option.value, option.form);
    if (!verdict) continue;
    // `--cache-size 1000`: the separated value is reported (and fixed) as one finding with the junk word.
    if (option.value === undefined && facts.argv.problems.some((p) => p.code === 'junk' && detachedValueOwner(facts, p.tokenIndex) === option)) continue;
    const range =
      option.value === undefined || verdict.range.end <= verdict.range.start
        ? option.range
        : facts.valueRange(option, verdict.range.start, verdict.range.end);
    context.report({
      range,
      message: `dnsmasq refuses ${facts.written(option.value === undefined ? option.spelled : spelledWithValue(option))}: "${facts.dnsmasqSays(`bad command line options: ${verdict.reason}`, option.range.start)}". ${verdict.explanation}`,
      workload: facts.invocation.workload,
    });
  }
}

/** The option right before a junk word, when that word was meant as its value (`--cache-size 1000`). */
function detachedValueOwner(facts: InvocationFacts, junkIndex: number): ParsedOption | undefined {
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
      message: `dnsmasq refuses the word "${quotedExcerpt(problem.token)}": "${problem.message}". ${problem.explanation}`,
      workload: facts.invocation.workload,
    });
    return;
  }
  const joined = `${owner.spelled}=${problem.token}`;
  context.report({
    range: { start: owner.range.start, end: problem.range.end },
    message: `dnsmasq takes the value of ${owner.spelled} only as ${joined}: on its own, "${problem.token}" is not read as the value and dnsmasq refuses it ("${problem.message}").`,
    workload: facts.invocation.workload,
    fixes: joinWords(facts, owner.tokenIndex, problem.tokenIndex, joined, `Write ${joined}`),
  });
}

