import type { Rule } from '../rule.js';

/** Template tags make a file that is not YAML until rendered: its parse problems are the template's, not errors. */
const TEMPLATE_TAG = /\{\{|\{%|<%|\$\{|__PILLAR__/;

export const yamlSyntax: Rule = {
  id: 'yaml-syntax',
  defaultSeverity: 'error',
  summary: 'The manifest is not valid YAML (a TAB used as indentation, an unclosed quote, ...): kubectl refuses it, and what the reader sees in it is a guess.',
  check(context) {
    // As ESLint, the first parse error only: what follows it is often the same error seen again.
    const problem = context.model.parseProblems[0];
    if (problem && !TEMPLATE_TAG.test(context.text)) context.report({ range: problem.range, message: `The YAML does not parse here: ${problem.message}` });
  },
};
