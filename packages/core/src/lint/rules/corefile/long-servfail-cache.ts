import { durationSeconds, isTemplated, options, plugins } from './corefile-facts.js';
import type { CorefileRule } from './corefile-rule.js';

/** CF005 (info): SERVFAIL answers cached for longer than 30 s. */
export const longServfailCache: CorefileRule = {
  id: 'coredns-long-servfail-cache',
  defaultSeverity: 'info',
  summary: '`servfail` keeps upstream SERVFAIL answers longer than 30 s.',
  refs: ['CF005'],
  fixable: false,
  check({ corefile, report }) {
    for (const { directive: cache } of plugins(corefile, 'cache')) {
      if (isTemplated(cache)) continue;
      for (const option of options(cache, 'servfail')) {
        const value = option.args[0];
        const seconds = value ? durationSeconds(value.value) : undefined;
        if (!value || seconds === undefined || seconds <= 30) continue;
        report({
          range: value,
          message: `An upstream SERVFAIL is replayed from the cache for ${value.value}: a short upstream failure becomes a ${value.value} outage for every name that failed. The default is 5 s; \`servfail 0\` turns it off.`,
        });
      }
    }
  },
};
