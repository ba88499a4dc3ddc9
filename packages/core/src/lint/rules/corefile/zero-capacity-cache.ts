import { INTEGER, isTemplated, options, plugins } from './corefile-facts.js';
import type { CorefileRule } from './corefile-rule.js';
import { supports } from './version-note.js';

/** CF003: `denial 0` / `success 0` believed to turn a cache off; the capacity is rounded up to 1024 entries. */
export const zeroCapacityCache: CorefileRule = {
  id: 'coredns-zero-capacity-cache',
  defaultSeverity: 'warning',
  summary: '`denial 0` or `success 0` does not disable that cache.',
  refs: ['CF003'],
  fixable: true,
  check({ text, corefile, version, report }) {
    for (const { directive: cache } of plugins(corefile, 'cache')) {
      if (isTemplated(cache)) continue;
      for (const kind of ['denial', 'success']) {
        for (const option of options(cache, kind)) {
          const cap = option.args[0];
          if (!cap || !INTEGER.test(cap.value) || Number(cap.value) > 0) continue;
          const end = option.args[option.args.length - 1]!.end;
          const verbatim = text.slice(option.name.start, end).split(/\s+/).join(' ') === [option.name, ...option.args].map((t) => t.value).join(' ');
          const fixable = supports(version, '1.9.4') && verbatim && !option.block;
          report({
            range: { start: option.name.start, end },
            message: `A capacity of ${cap.value} does not turn the ${kind} cache off: CoreDNS rounds every cache up to at least 1024 entries and keeps caching ${kind === 'denial' ? 'NXDOMAIN and NODATA answers' : 'positive answers'}. Use \`disable ${kind}\` (CoreDNS 1.9.4 and later).`,
            fixes: fixable ? [{ title: `Replace with \`disable ${kind}\``, edits: [{ start: option.name.start, end, newText: `disable ${kind}` }], preferred: true }] : [],
          });
        }
      }
    }
  },
};
