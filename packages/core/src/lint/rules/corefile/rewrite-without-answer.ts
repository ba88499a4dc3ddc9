import { isTemplated, plugins } from './corefile-facts.js';
import type { CorefileRule } from './corefile-rule.js';

const NON_EXACT = new Set(['prefix', 'suffix', 'substring', 'regex']);

/** CF028: a non-exact `rewrite name` without answer rewriting returns answers owned by the rewritten name. */
export const rewriteWithoutAnswer: CorefileRule = {
  id: 'coredns-rewrite-without-answer',
  defaultSeverity: 'warning',
  summary: 'A prefix/suffix/substring/regex `rewrite name` without `answer auto` or `answer name`.',
  refs: ['CF028'],
  fixable: true,
  check({ text, corefile, report }) {
    for (const { directive } of plugins(corefile, 'rewrite')) {
      if (isTemplated(directive) || directive.block) continue;
      const args = directive.args.map((a) => a.value);
      const at = args[0] === 'stop' || args[0] === 'continue' ? 1 : 0;
      if (args[at] !== 'name' || !NON_EXACT.has(args[at + 1] ?? '') || args.length < at + 4) continue;
      if (args.slice(at + 4).includes('answer')) continue;
      const type = directive.args[at + 1]!;
      const last = directive.args[directive.args.length - 1]!;
      const canFix = type.value !== 'regex' && args.length === at + 4 && text.slice(last.start, last.end) === last.value;
      report({
        range: { start: directive.name.start, end: last.end },
        message: `This ${type.value} rewrite changes the question's name but not the answer's: clients get records owned by \`${directive.args[at + 3]!.value}\` for a question about another name, and resolvers reject such answers as a mismatch. Add ${type.value === 'regex' ? '`answer name TO-REGEX FROM-TEMPLATE` (or `answer auto`)' : '`answer auto`'}.`,
        fixes: canFix ? [{ title: 'Rewrite the answer back (`answer auto`)', edits: [{ start: last.end, end: last.end, newText: ' answer auto' }], preferred: true }] : [],
      });
    }
  },
};
