import type { CorefileRule } from './corefile-rule.js';

/** CF032: no server block at all — CoreDNS silently serves its built-in whoami server. */
export const emptyCorefile: CorefileRule = {
  id: 'coredns-empty-corefile',
  defaultSeverity: 'error',
  summary: 'The Corefile has no server block: CoreDNS serves its built-in `whoami` default instead.',
  refs: ['CF032'],
  fixable: false,
  check({ corefile, report }) {
    if (corefile.servers.some((s) => !s.snippet) || corefile.imports.length > 0 || corefile.templated || corefile.tokens.some((t) => t.templated)) return;
    const { start } = corefile.source.range;
    report({
      range: { start, end: start },
      message: 'This Corefile has no server block: CoreDNS starts without any error and serves its built-in default `.:53 { whoami; log }`, so every query gets a whoami answer and cluster DNS is gone.',
    });
  },
};
