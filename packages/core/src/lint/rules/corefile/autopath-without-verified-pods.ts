import { isTemplated, options, plugins } from './corefile-facts.js';
import type { CorefileRule } from './corefile-rule.js';

/** CF029: autopath @kubernetes needs `pods verified` to map a client to its namespace. */
export const autopathWithoutVerifiedPods: CorefileRule = {
  id: 'coredns-autopath-without-verified-pods',
  defaultSeverity: 'warning',
  summary: '`autopath @kubernetes` without `pods verified` in the kubernetes plugin.',
  refs: ['CF029'],
  fixable: false,
  check({ corefile, report }) {
    for (const { server, directive } of plugins(corefile, 'autopath')) {
      if (!directive.args.some((a) => a.value === '@kubernetes')) continue;
      const kubernetes = server.block.directives.find((d) => d.name.value === 'kubernetes');
      if (!kubernetes || isTemplated(kubernetes)) continue;
      const pods = options(kubernetes, 'pods').at(-1)?.args[0]?.value ?? 'disabled';
      if (pods === 'verified') continue;
      report({
        range: directive.name,
        message: `autopath @kubernetes maps a client's IP to its pod and namespace, which needs \`pods verified\` in the kubernetes plugin (here \`${pods}\`); without it search-path completion is skipped. \`pods verified\` watches every pod (more memory).`,
      });
    }
  },
};
