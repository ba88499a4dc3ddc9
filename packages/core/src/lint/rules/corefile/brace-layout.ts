import type { CorefileRule } from './corefile-rule.js';

/** CF022: braces and quotes CoreDNS reads differently from how they look. */
export const braceLayout: CorefileRule = {
  id: 'coredns-brace-layout',
  defaultSeverity: 'error',
  summary: 'Brace and quote layout CoreDNS misreads: `zone{`, one-line blocks, `{` on the next line, stray `}`, open quotes.',
  refs: ['CF022'],
  fixable: false,
  check({ corefile, report }) {
    for (const problem of corefile.problems) {
      // With template branches the reader cannot pair braces across alternatives.
      if (corefile.templated && (problem.kind === 'unclosed-block' || problem.kind === 'stray-close')) continue;
      report({ range: problem.range, message: problem.message });
    }
  },
};
