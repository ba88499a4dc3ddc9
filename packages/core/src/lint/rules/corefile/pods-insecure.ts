import { options, plugins } from './corefile-facts.js';
import type { CorefileRule } from './corefile-rule.js';

/** CF011: `pods insecure` answers any pod-IP name without checking. */
export const podsInsecure: CorefileRule = {
  id: 'coredns-pods-insecure',
  defaultSeverity: 'info',
  summary: 'kubernetes `pods insecure` answers unverified pod A records.',
  refs: ['CF011'],
  fixable: false,
  check({ corefile, report }) {
    for (const { directive } of plugins(corefile, 'kubernetes')) {
      for (const option of options(directive, 'pods')) {
        const mode = option.args[0];
        if (mode?.value !== 'insecure') continue;
        report({
          range: mode,
          message: '`pods insecure` answers `a-b-c-d.<namespace>.pod.<zone>` with the IP written in the name, for any IP and namespace, without checking that such a pod exists. Use `verified` (watches all pods, more memory) or `disabled` (the default) unless workloads rely on pod names.',
        });
      }
    }
  },
};
