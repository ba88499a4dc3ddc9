import { optionByLong } from '../../dnsmasq/options/option-lookup.js';
import { suggestOptions } from '../../dnsmasq/options/option-suggest.js';
import type { Fix } from '../finding.js';
import { quotedExcerpt } from '../quoted-excerpt.js';
import { replaceWord } from '../fix-builders.js';
import type { Rule } from '../rule.js';

export const unknownOption: Rule = {
  id: 'unknown-option',
  defaultSeverity: 'error',
  summary: 'An option dnsmasq 2.90 does not know, or an abbreviation that fits several: dnsmasq would not start.',
  check(context) {
    for (const facts of context.invocations) {
      for (const problem of facts.argv.problems) {
        if (problem.code !== 'unknown-option' && problem.code !== 'ambiguous-option') continue;
        if (facts.arg(problem.tokenIndex)?.templated) continue;
        const word = problem.token;
        const isLong = word.startsWith('--');
        const name = isLong ? word.slice(2).split('=')[0]! : '';
        const joined = isLong ? valueAfterBlank(word) : undefined;
        const candidates = joined ? [] : problem.candidates?.length ? problem.candidates : isLong ? suggestOptions(name) : [];
        const fixes: Fix[] = [];
        for (const long of candidates.slice(0, 3)) {
          const eq = word.indexOf('=');
          const newWord = `--${long}${eq === -1 ? '' : word.slice(eq)}`;
          // A rewrite to another option is a suggestion, never applied by --fix.
          fixes.push(...replaceWord(facts, problem.tokenIndex, newWord, `Change to ${facts.written(`--${long}`)}`, false));
        }
        let hint = candidates.length ? ` Did you mean ${candidates.slice(0, 3).map((c) => facts.written(`--${c}`)).join(' or ')}?` : '';
        if (joined) {
          hint = ` The value must follow "=": write ${facts.written(joined)}.`;
          fixes.push(...replaceWord(facts, problem.tokenIndex, joined, `Write ${facts.written(joined)}`));
        }
        const says = facts.dnsmasqSays(problem.message, problem.range.start, problem.code);
        context.report({
          range: problem.range,
          message: `dnsmasq refuses ${quotedExcerpt(facts.written(isLong ? `--${name}` : word))}: "${says}". ${problem.explanation}${hint}`,
          workload: facts.invocation.workload,
          fixes,
        });
      }
    }
  },
};

/** `--cache-size 1000` as one word: a real option that takes a value, then a blank and the value. */
function valueAfterBlank(word: string): string | undefined {
  const m = /^--([^\s=]+)[ \t]+([^\s=][^=]*)$/.exec(word);
  const spec = m ? optionByLong(m[1]!) : undefined;
  return spec && spec.arg !== 'none' ? `--${spec.long}=${m![2]!.trimEnd()}` : undefined;
}
