import { durationSeconds, isTemplated, options, plugins } from './corefile-facts.js';
import { deleteDirectiveLine } from './corefile-edits.js';
import type { CorefileRule } from './corefile-rule.js';

/** CF007 (warning): `max_fails 0` and `health_check 0s` in forward. */
export const upstreamNeverDown: CorefileRule = {
  id: 'coredns-upstream-health-disabled',
  defaultSeverity: 'warning',
  summary: 'forward `max_fails 0` (a dead upstream stays in rotation) or `health_check 0s` (re-probed in a tight loop).',
  refs: ['CF007'],
  fixable: true,
  check({ text, corefile, report }) {
    for (const { directive } of plugins(corefile, 'forward')) {
      if (isTemplated(directive)) continue;
      for (const option of options(directive, 'max_fails')) {
        if (option.args[0]?.value !== '0') continue;
        report({
          range: option.args[0],
          message: '`max_fails 0` means an upstream is never marked down: every query keeps trying an unreachable upstream (2 s per attempt) before SERVFAIL. Keep the default 2 unless health checks are truly unwanted.',
        });
      }
      for (const option of options(directive, 'health_check')) {
        const value = option.args[0];
        if (!value || durationSeconds(value.value) !== 0) continue;
        const edit = option.args.length === 1 ? deleteDirectiveLine(text, corefile, option) : undefined;
        report({
          range: value,
          message: '`health_check 0s` does not turn health checks off: a failing upstream is re-probed back to back with no pause. Remove it (default 0.5 s); `max_fails 0` is the way to disable health checking.',
          fixes: edit ? [{ title: 'Remove `health_check 0s` (default 0.5 s)', edits: [edit], preferred: true }] : [],
        });
      }
    }
  },
};
