import type { CfToken } from '../../../corefile/model.js';
import { durationSeconds, INTEGER, isTemplated, options, plugins } from './corefile-facts.js';
import { replaceToken } from './corefile-edits.js';
import type { CorefileRule, CorefileRuleContext } from './corefile-rule.js';

const DURATION = /^\d+(\.\d+)?(ns|us|µs|ms|s|m|h)(\d|$)/;

/** CF004: `cache 30s` — a Go duration where the cache wants whole seconds. */
export const cacheDurationZone: CorefileRule = {
  id: 'coredns-cache-duration-zone',
  defaultSeverity: 'error',
  summary: 'A duration such as `30s` where the cache plugin wants whole seconds.',
  refs: ['CF004'],
  fixable: true,
  check(context) {
    for (const { directive: cache } of plugins(context.corefile, 'cache')) {
      if (isTemplated(cache)) continue;
      const first = cache.args[0];
      if (first && isDuration(first)) {
        report(context, first, `\`${first.value}\` is not a TTL for the cache plugin: only a whole number of seconds is, so CoreDNS takes \`${first.value}\` as a zone name and this cache only caches names under \`${first.value.toLowerCase()}.\`, which is nothing. No error, no warning.`);
      }
      for (const option of [...options(cache, 'success'), ...options(cache, 'denial')]) {
        for (const value of option.args.slice(1, 3)) {
          if (isDuration(value)) {
            report(context, value, `\`${option.name.value}\` wants whole seconds: CoreDNS refuses to start with \`plugin/cache: strconv.Atoi: parsing "${value.value}": invalid syntax\`.`);
          }
        }
      }
    }
  },
};

function isDuration(token: CfToken): boolean {
  return !token.templated && !INTEGER.test(token.value) && DURATION.test(token.value) && durationSeconds(token.value) !== undefined;
}

function report(context: CorefileRuleContext, token: CfToken, message: string): void {
  const seconds = durationSeconds(token.value)!;
  const whole = Number.isInteger(seconds) && seconds > 0;
  const edit = whole ? replaceToken(context.text, token, String(seconds)) : undefined;
  context.report({
    range: token,
    message,
    fixes: edit ? [{ title: `Write ${seconds} (seconds)`, edits: [edit], preferred: true }] : [],
  });
}
