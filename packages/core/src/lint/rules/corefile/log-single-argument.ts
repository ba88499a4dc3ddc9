import { plugins } from './corefile-facts.js';
import { replaceToken } from './corefile-edits.js';
import type { CorefileRule } from './corefile-rule.js';

/** CF025: `log {combined}` — one argument is always a name, so the format is taken as a zone and nothing is logged. */
export const logSingleArgument: CorefileRule = {
  id: 'coredns-log-format-as-name',
  defaultSeverity: 'warning',
  summary: '`log {combined}`: a single argument is a name to log, not a format, so nothing is logged.',
  refs: ['CF025'],
  fixable: true,
  check({ text, corefile, report }) {
    for (const { directive } of plugins(corefile, 'log')) {
      const [only] = directive.args;
      if (directive.args.length !== 1 || !only || only.templated || !only.value.includes('{') || only.value.includes('\n')) continue;
      const edit = only.quoted ? undefined : replaceToken(text, only, `. ${only.value}`);
      report({
        range: only,
        message: `With one argument, log takes it as the names to log: \`${only.value}\` logs only queries under \`${only.value}.\`, which is none. Write \`log . ${only.quoted ? `"${only.value}"` : only.value}\`.`,
        fixes: edit ? [{ title: `Log every name in this format (\`log . ${only.value}\`)`, edits: [edit], preferred: true }] : [],
      });
    }
  },
};
